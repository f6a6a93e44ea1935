import type en from '../en/settings'

/** La vista de Ajustes, un subobjeto por sección, en el orden en que la vista las muestra. */
export default {
  view: {
    title: 'Ajustes',
    loading: 'Cargando los ajustes…',
    fileNotices: 'El archivo de ajustes',
    pinnedIntro:
      'Fijados en esta ejecución por variables de entorno; los cambios que guarde aquí se aplican cuando se quiten:',
    ignoredGraphUrl:
      'El archivo de ajustes indica otra dirección de Graph ({url}), que se ignora: la aplicación envía las credenciales de su página solo a Meta, y solo la variable de entorno GRAPH_API_URL puede cambiarlo.',
    pinned: {
      page: 'Página de Facebook y aplicación',
      ringTimeoutSeconds: 'Sonar durante',
      tunnel: 'Dirección pública',
      graph: 'API Graph',
      webhook: 'Receptor del webhook'
    }
  },
  save: {
    refusal: '{label}: {reason}.',
    notSaved: 'El cambio no se guardó.'
  },
  hub: {
    title: 'Puesto central',
    connectedTo: 'Conectado a {name}',
    linkUp: 'El enlace funciona: las llamadas suenan aquí en cuanto llegan al puesto central.',
    leave: 'Salir de este puesto central',
    question: '¿Salir de este puesto central?',
    confirm: 'Salir',
    busy: 'Saliendo…',
    cancel: 'Quedarse',
    explain:
      '¿Salir de {name}? Sus llamadas dejan de sonar aquí y este puesto olvida su clave del puesto central; para volver a unirse hace falta una nueva invitación. Los ajustes propios de este puesto se conservan.'
  },
  calls: {
    title: 'Llamadas',
    ringFor: 'Sonar durante (segundos)',
    ringTime: 'Tiempo de timbre',
    ringInvalid:
      'El tiempo de timbre debe ser un número de segundos mayor que 0 y de {max} como máximo.',
    ringHint:
      'Messenger corta una llamada a los 60 segundos; aquí deja de sonar un poco antes para que un clic tardío no llegue a destiempo. Como máximo {max} segundos.',
    dnd: 'No molestar',
    dndHint:
      'Mientras está activado, aquí no suena nada. Las llamadas siguen apareciendo en el historial; las llamadas de prueba siempre suenan.',
    dndMeanwhile: 'Llamadas que entren mientras tanto',
    ringOut: 'Dejar que sigan sonando',
    ringOutHint: 'Aquí no suena nada; quien llama oye el tono hasta que Messenger desiste.',
    decline: 'Rechazar las llamadas',
    declineHint: 'A quien llama se le indica enseguida que no está disponible.',
    ringHere: 'Sonar en este puesto',
    ringHereHint:
      'Desactivado: las llamadas no suenan, ni avisan ni notifican en este equipo; los demás puestos siguen sonando.',
    startAtLogin: 'Abrir al iniciar sesión',
    startAtLoginHint: 'Se abre en la bandeja al iniciar sesión, lista para recibir llamadas.',
    startAtLoginBrowser:
      'Abrir al iniciar sesión está disponible en la aplicación de escritorio; en un navegador, mantenga esta pestaña abierta.'
  },
  audio: {
    title: 'Audio',
    description: 'Los cambios se aplican a partir de la próxima llamada o timbre.',
    microphone: 'Micrófono',
    speaker: 'Altavoz (la llamada)',
    speakerShort: 'Altavoz',
    testSpeaker: 'Probar altavoz',
    ringer: 'Timbre (el tono de llamada)',
    ringerShort: 'Timbre',
    testRinger: 'Probar timbre',
    systemDefault: 'El del sistema',
    savedDevice: 'Dispositivo guardado (no conectado)',
    deviceMissing:
      'Ese dispositivo no está conectado ahora: se usa el del sistema hasta que se vuelva a conectar.',
    ringtone: 'Tono de llamada',
    ringtones: {
      classic: 'Clásico de dos tonos',
      chime: 'Campanilla suave',
      digital: 'Pitido digital'
    },
    ringVolume: 'Volumen del timbre',
    percent: '{percent} %',
    openMic: 'Abrir el micrófono mientras suena',
    openMicHint:
      'Contesta más rápido, porque el micrófono ya está encendido al pulsar Contestar. No se envía nada antes de contestar, pero el indicador de micrófono del sistema se enciende mientras suena una llamada.'
  },
  appearance: {
    title: 'Apariencia',
    theme: 'Tema',
    system: 'Como el sistema',
    light: 'Claro',
    dark: 'Oscuro'
  },
  language: {
    label: 'Idioma',
    system: 'Como el sistema',
    en: 'English',
    es: 'Español'
  },
  shortcuts: {
    title: 'Atajos de teclado',
    description:
      'Funcionan en cualquier parte de esta ventana, salvo mientras se escribe en un campo.',
    answer: 'Contestar la llamada que suena',
    decline: 'Rechazar la llamada que suena',
    mute: 'Silenciar o reactivar el micrófono',
    hangUp: 'Colgar',
    keypad: 'Enviar un dígito con el teclado abierto',
    keys: {
      enter: 'Enter',
      escape: 'Esc',
      ctrl: 'Ctrl',
      keypad: '0–9, *, #'
    }
  },
  connection: {
    title: 'Conexión',
    description: 'Facebook entrega las llamadas en una dirección pública que llega a este equipo.',
    publicAddress: 'Dirección pública',
    none: 'Ninguna',
    noneHint: 'Las llamadas de Facebook no pueden llegar a este equipo.',
    localtunnel: 'Túnel (localtunnel)',
    localtunnelHint: 'Un servidor de túneles gratuito da a este equipo una dirección pública.',
    ownUrl: 'Mi propia dirección pública',
    ownUrlHint: 'Un proxy inverso o un túnel propio reenvía a este equipo.',
    tunnelServer: 'Servidor de túneles',
    subdomain: 'Subdominio (opcional)',
    subdomainShort: 'Subdominio',
    subdomainPlaceholder: 'llamadas-mi-tienda',
    subdomainHint: 'Pide al servidor la misma dirección cada vez.',
    publicUrlHint: 'Se le añade la ruta del webhook.',
    stun: 'Servidores STUN',
    stunHint:
      'Uno por línea. Normalmente no hace falta ninguno: los servidores de Messenger encuentran este equipo por sí solos.',
    turn: 'Servidor TURN',
    turnHint:
      'Solo donde la red bloquea de otro modo el audio de las llamadas. Deje la dirección vacía para no usar ninguno. Una dirección nueva necesita de nuevo su contraseña.',
    turnAddress: 'Dirección',
    turnUser: 'Nombre de usuario',
    turnPassword: 'Contraseña',
    turnPasswordSaved: 'Guardada (escriba una nueva para reemplazarla)',
    saveTurn: 'Guardar servidor TURN'
  },
  page: {
    title: 'Página de Facebook',
    connected: 'Conectado a la página',
    connectedTo: 'Conectado a la página {id}',
    none: 'No hay ninguna página conectada.',
    reconnect: 'Volver a conectar la página',
    connect: 'Conectar una página',
    remove: 'Quitar la página',
    question: '¿Quitar la página?',
    confirm: 'Quitar',
    busy: 'Quitando…',
    cancel: 'Conservar la página',
    explain:
      '¿Quitar la página de esta aplicación? Su token de acceso se olvida y las llamadas dejan de sonar aquí hasta que se conecte de nuevo una página. El historial de llamadas se conserva.',
    removed:
      'Se quitó la página. Conecte de nuevo una página en Configurar página para recibir llamadas.'
  },
  deskName: {
    label: 'Nombre de este puesto',
    placeholder: 'El nombre de este equipo',
    hint: 'Los demás puestos de esta aplicación ven este nombre cuando las llamadas de la página suenan aquí.'
  },
  desks: {
    title: 'Puestos',
    description: 'Otros equipos que suenan y contestan las llamadas de esta página junto con este.',
    loading: 'Cargando los puestos…',
    tryAgain: 'Reintentar',
    list: 'Puestos de este puesto central',
    removed: 'Se quitó {name}. Ya no puede volver a conectarse.',
    empty:
      'Todavía no hay otros puestos. Agregue un puesto para que otro equipo suene y conteste las llamadas de su página.',
    mayCallBack: 'Los puestos pueden devolver llamadas a los clientes',
    mayCallBackHint:
      'Devolver una llamada habla en nombre del negocio y usa las solicitudes de llamada limitadas de Messenger.'
  },
  network: {
    label: 'Permitir que los puestos de esta red se conecten directamente',
    refusalLabel: 'Puestos de esta red',
    hint: 'Actívelo cuando los demás puestos estén en la misma oficina: llegan a este equipo por el puerto {port} sin pasar por internet y siguen sonando cuando internet falla.',
    address: 'Lo encuentran en {address} (sus invitaciones la incluyen).'
  },
  desk: {
    online: 'En línea',
    offline: 'Sin conexión',
    connectedNow: 'Conectado ahora',
    notConnectedYet: 'Aún no se ha conectado',
    lastSeen: 'Visto por última vez {ago}',
    noCallsToday: 'Ninguna llamada contestada hoy',
    oneCallToday: '1 llamada contestada hoy',
    callsToday: '{count} llamadas contestadas hoy',
    rings: 'Suena',
    ringsOn: 'Las llamadas suenan en {name}',
    ringsRefusalLabel: 'Suena en {name}',
    remove: 'Quitar',
    removeName: 'Quitar {name}',
    question: '¿Quitar {name}?',
    explain:
      '¿Quitar {name}? Deja de sonar enseguida y no puede volver a conectarse; para recuperarlo, agréguelo de nuevo con un código nuevo.',
    busy: 'Quitando…',
    keep: 'Conservarlo'
  },
  addDesk: {
    form: 'Agregar un puesto',
    name: 'Nombre del nuevo puesto',
    placeholder: 'Recepción',
    add: 'Agregar un puesto',
    making: 'Creando un código…',
    hint: 'Hasta 40 caracteres. Las llamadas que conteste ese puesto muestran este nombre, aquí y en el historial.',
    noName: 'Ponga un nombre al nuevo puesto.'
  },
  invitation: {
    codeFor: 'Código para {name}',
    joined: '{name} se ha unido. Desde ahora sus llamadas suenan allí.',
    copy: 'Copiar',
    copied: 'Copiado',
    copyFailed:
      'No se pudo copiar. El código está seleccionado: pulse Ctrl+C (Cmd+C en un Mac) para copiarlo.',
    howTo:
      'En el otro equipo, elija «Unirse a un puesto que ya está conectado» en su primera pantalla y pegue este código.',
    hubAddress: 'Dirección del puesto central:',
    noAddress: 'ninguna todavía (active la dirección pública en Conexión)',
    expiresIn: 'Caduca en {time}. Sirve una sola vez.',
    expired: 'Este código ha caducado. Cree uno nuevo para agregar {name}.',
    making: 'Creando un código…',
    newCode: 'Crear un código nuevo',
    done: 'Listo'
  }
} satisfies typeof en
