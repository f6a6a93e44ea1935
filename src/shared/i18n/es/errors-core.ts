import type en from '../en/errors-core'
import service from './errors-service'
import connection from './errors-connection'

/** Frases para los códigos que llegan de fuera de la ventana (servicio, comprobaciones, errores de Graph). */
export default {
  service,
  ...connection,
  /** La lista Por devolver y los mensajes a los clientes. */
  followUp: {
    taskClosed: 'Esta tarea está cerrada.',
    taskClaimed: '{desk} ya está devolviendo la llamada.',
    onlyClaimerReleases: 'Solo {desk} puede liberar esta tarea.',
    noTask: 'Este cliente no tiene ninguna llamada por devolver.',
    tasksNotKept: 'La lista Por devolver no se guarda aquí.',
    messagesUnavailable: 'Los mensajes a los clientes no están disponibles aquí.'
  },
  /** El estado del túnel y del webhook, como lo dicen las líneas de estado. */
  status: {
    checkingPage: 'Comprobando la página con Facebook…',
    noAddressHere: 'Sin túnel ni dirección pública aquí',
    handshakeSeen: 'La comprobación del webhook de Meta llegó a esta aplicación',
    webhookElsewhere:
      'Las llamadas solo llegan si el webhook está configurado en otro lugar; la comprobación de Meta todavía no ha llegado a esta aplicación.',
    ifNoRing: 'Si las llamadas no suenan, abra Configurar la página.',
    twoLines: '{first} · {second}',
    tunnelOff: 'Facebook no puede llegar aquí (sin túnel)',
    tunnelConnecting: 'Conectando',
    tunnelConnectingAttempt: 'Conectando (intento {attempt})',
    tunnelUp: 'Accesible en {url}',
    tunnelReconnecting: 'Se reconecta en {seconds} s: {error}',
    notRegistered: {
      notConfigured: 'Webhook sin registrar: conecte antes una página y una aplicación',
      ownedElsewhere:
        'Webhook sin registrar: otro puesto u otro servidor recibe las llamadas de esta aplicación',
      noPublicUrl: 'Webhook sin registrar: a la espera de una dirección pública'
    },
    registering: 'Registrando el webhook en Facebook',
    registered: 'Webhook registrado en Facebook',
    registeredUnseen: 'Webhook registrado, pero la comprobación de Facebook no se vio llegar aquí'
  },
  graph: {
    tokenExpired:
      'Facebook ya no acepta el acceso de esta aplicación a su página. Vuelva a conectar la página en Ajustes.',
    permission:
      'Facebook dice que a esta aplicación le falta un permiso; vuelva a conectar la página en Ajustes y permita todo lo que pida.',
    permissionNamed:
      'Facebook dice que a esta aplicación le falta un permiso ({name}); vuelva a conectar la página en Ajustes y permítalo.',
    rateLimited:
      'Facebook está limitando las peticiones en este momento. Espere unos minutos y vuelva a intentarlo.',
    unknownCall: 'Esta llamada ya no existe en Facebook; puede que quien llamaba haya colgado.',
    callState: 'Esta llamada ya terminó en Facebook, así que no queda nada por hacer con ella.',
    badMedia:
      'Facebook no pudo usar los datos de conexión de audio de este equipo; vuelva a intentarlo y reinicie la aplicación si sigue pasando.',
    unavailable: 'Facebook tiene problemas en este momento; vuelva a intentarlo en unos minutos.',
    invalidResponse:
      'Facebook envió una respuesta que esta aplicación no pudo leer; vuelva a intentarlo y actualice la aplicación si sigue pasando.',
    notConfigured: 'Todavía no hay ninguna página de Facebook conectada; conecte una en Ajustes.',
    other:
      'Facebook rechazó la petición; vuelva a intentarlo y revise el registro si sigue pasando.',
    refusedSaying: 'Facebook rechazó la petición: {said}',
    unexpected:
      'Algo salió mal al hablar con Facebook; vuelva a intentarlo y revise el registro si sigue pasando.',
    badId:
      'Ese identificador de Facebook no es válido; revise el de quien llama o el de la página y vuelva a intentarlo.',
    hoursRefused:
      'Facebook rechazó este horario ({said}). Revise las horas de apertura, los festivos y la zona horaria, y vuelva a guardar.',
    notConfirmed: {
      acceptCall:
        'Facebook no confirmó la petición de contestar la llamada; vuelva a intentarlo en un momento.',
      declineCall:
        'Facebook no confirmó la petición de rechazar la llamada; vuelva a intentarlo en un momento.',
      endCall:
        'Facebook no confirmó la petición de terminar la llamada; vuelva a intentarlo en un momento.',
      startCall:
        'Facebook no confirmó la petición de iniciar la llamada; vuelva a intentarlo en un momento.',
      storeMetrics:
        'Facebook no confirmó la petición de guardar los datos de la llamada; vuelva a intentarlo en un momento.',
      subscribeApp:
        'Facebook no confirmó la petición de suscribir el webhook de la aplicación; vuelva a intentarlo en un momento.',
      subscribePage:
        'Facebook no confirmó la petición de suscribir la página; vuelva a intentarlo en un momento.',
      updateCallSettings:
        'Facebook no confirmó la petición de cambiar los ajustes de llamadas; vuelva a intentarlo en un momento.'
    }
  },
  network: {
    timeout: 'Facebook no respondió a tiempo. Revise la conexión a internet y vuelva a intentarlo.',
    refused:
      'No se puede llegar a Facebook: se rechazó la conexión, así que puede que un cortafuegos o un proxy la bloquee.',
    dns: 'No se puede llegar a Facebook: no se encontró su dirección; revise la conexión a internet.',
    offline:
      'No se puede llegar a Facebook: este equipo no tiene conexión; revise la conexión a internet.',
    reset: 'No se puede llegar a Facebook: se cortó la conexión; revise la conexión a internet.',
    other: 'No se puede llegar a Facebook: revise la conexión a internet.'
  },
  pageHealth: {
    unchecked: 'No se pudo comprobar la página; revise el registro.',
    tokenRejected:
      'Token de la página rechazado: vuelva a conectar la página en Configuración de la página.',
    permissionMissing:
      'Al token de la página le falta un permiso: vuelva a conectar la página en Configuración de la página.',
    otherPage:
      'El token de la página es de otra página ({id}): vuelva a conectar la página en Configuración de la página.'
  },
  calls: {
    tooManyRinging: 'Perdida: sonaban demasiadas llamadas a la vez.'
  },
  tunnel: {
    openFailed: 'No se pudo abrir el túnel; revise el registro para ver los detalles.',
    serverUnreachable:
      'No se pudo llegar al servidor de túnel {server} ({reason}); revise la conexión a internet.',
    serverDown: 'El servidor de túnel {server} no funciona en este momento (HTTP {status}).',
    serverRefused:
      'El servidor de túnel {server} rechazó el túnel (HTTP {status}). Revise los ajustes del túnel.',
    serverRefusedSaying:
      'El servidor de túnel {server} rechazó el túnel: {said} Revise los ajustes del túnel.',
    notLocaltunnel:
      'El servidor en {server} no respondió como un servidor localtunnel; revise la dirección del servidor de túnel.',
    noPublicUrl:
      'No hay dirección pública: escriba en Ajustes la URL que lleva a este equipo, o elija un túnel.',
    registerFailed:
      'No se pudo registrar el webhook con Facebook; revise el registro para ver los detalles.',
    httpFromTunnel:
      'El túnel dio una dirección http ({url}), pero Facebook solo llama a direcciones https: las llamadas no pueden llegar. Elija un servidor de túnel que dé direcciones https.',
    httpOwnUrl:
      'La dirección pública {url} es http, pero Facebook solo llama a direcciones https: las llamadas no pueden llegar. Escriba una dirección https.'
  },
  callState: {
    notFound: 'Esta llamada ya no está disponible: puede que haya terminado hace un rato.',
    hungUpBeforeAnswer: 'Quien llamaba colgó antes de que se contestara la llamada.',
    hungUp: 'Quien llamaba ya colgó.',
    stoppedRinging: 'Esta llamada dejó de sonar antes de que nadie la contestara.',
    neverRang: 'Esta llamada nunca sonó: sonaban demasiadas llamadas a la vez.',
    declined: 'Esta llamada ya se rechazó.',
    noAnswer: 'El cliente no contestó esta llamada.',
    notAnswered: 'Esta llamada todavía no se ha contestado.',
    inProgress: 'Esta llamada ya está en curso.',
    answeringHere: 'Ya está contestando esta llamada.',
    answeredElsewhere: 'Esta llamada ya se contestó en otro puesto.',
    answeredBy: 'Esta llamada ya se contestó en {desk}.'
  },
  credentials: {
    enterPageId: 'Escriba el identificador de la página.',
    pageIdNumber:
      'El identificador de la página es un número, como 106378625516323: está en la pestaña Información de su página, en Transparencia de la página.',
    enterAppId: 'Escriba el identificador de la aplicación.',
    appIdNumber:
      'El identificador de la aplicación es un número, como 106378625516323: está arriba en el panel de su aplicación en developers.facebook.com.',
    pasteToken: 'Pegue el token de acceso de la página.',
    tokenForPage:
      'Pegue un token de acceso para la página {pageId}: el guardado es de la página {storedPageId}.',
    tokenForOtherPage:
      'Pegue un token de acceso para la página {pageId}: el guardado es de otra página.',
    tokenIncomplete:
      'Eso no parece un token de acceso de página completo: cópielo de nuevo, entero (empieza por EAA).',
    pasteSecret: 'Pegue la clave secreta de la aplicación.',
    secretForApp:
      'Pegue la clave secreta de la aplicación {appId}: la guardada es de la aplicación {storedAppId}.',
    secretForOtherApp:
      'Pegue la clave secreta de la aplicación {appId}: la guardada es de otra aplicación.',
    secretShape:
      'La clave secreta es una cadena de letras y cifras: cópiela de nuevo desde Configuración de la aplicación > Básica (pulse Mostrar antes).',
    noSecretStore:
      'Esta aplicación se inició sin un lugar donde guardar secretos, así que aquí no se puede guardar la página.'
  },
  desk: {
    stopping: 'Este puesto se está deteniendo.',
    changingRole: 'Este puesto ya está cambiando de función: vuelva a intentarlo.',
    joinUnavailable: 'Unirse a un puesto central no está disponible aquí.',
    noHubToLeave:
      'Este puesto no es un puesto que depende de un puesto central: no tiene puesto central que dejar.',
    joinCallLive:
      'Todavía hay una llamada en este puesto: únase al puesto central cuando haya terminado.',
    joinHasSeat:
      'Este puesto es el puesto central de otro puesto: quítelo antes en Ajustes > Puestos, o se quedará sin puesto central.',
    joinHasSeats:
      'Este puesto es el puesto central de otros {count} puestos: quítelos antes en Ajustes > Puestos, o se quedarán sin puesto central.',
    joinConfirmForget:
      'Confirme que este puesto puede olvidar su página y detener su túnel y su webhook: un puesto que depende de un puesto central no tiene página.',
    joinNoAddress:
      'La invitación no tiene la dirección del puesto central: pegue la invitación completa del puesto central, que empieza por https://.',
    nameTaken:
      'Ya hay un puesto llamado "{name}" emparejado con este puesto central: elija otro nombre o quite antes ese puesto.',
    nameIsHub:
      '"{name}" es el nombre del puesto de este puesto central: elija otro nombre para el nuevo puesto.',
    noPublicAddress:
      'Este puesto todavía no tiene dirección pública: active el túnel o ponga su propia dirección en Ajustes, y luego añada el puesto.',
    listUnreadable:
      'No se pudo leer la lista de puestos, así que ningún puesto puede unirse: revise el registro y reinicie.',
    notPaired: 'No hay ningún puesto llamado "{name}" emparejado con este puesto central.'
  },
  seat: {
    alreadySeat: 'Este puesto ya es un puesto de {hub}; déjelo antes (Ajustes).',
    leaveUnavailable: 'Dejar el puesto central no está disponible aquí.',
    leaveCallLive:
      'Sigue una llamada contestada en este puesto: cuelgue primero y luego deje el puesto central.',
    hubLate: 'El puesto central no respondió a tiempo.',
    notOnline: 'Este puesto no está conectado con su puesto central.',
    notOnlineBecause: 'Este puesto no está conectado con su puesto central: {reason}.',
    hubOffline: 'El puesto central no está conectado: {reason}.',
    hubConnecting:
      'El puesto central no está conectado: este puesto todavía se está conectando a él.',
    hubOnline: 'El puesto central está conectado.',
    hubWideSettings:
      'Este puesto depende de {hub}; cambie los ajustes de todo el puesto central ({groups}) en el puesto central.',
    refused: {
      turnPassword: 'Este puesto depende de {hub}; cambie la contraseña TURN en el puesto central.',
      page: 'Este puesto depende de {hub}; cambie la página en el puesto central.',
      setup: 'Este puesto depende de {hub}; cambie la configuración en el puesto central.',
      webhookOwner:
        'Este puesto depende de {hub}; cambie quién recibe el webhook en el puesto central.',
      desks: 'Este puesto depende de {hub}; cambie los puestos en el puesto central.',
      businessHours:
        'Este puesto depende de {hub}; cambie el horario de atención en el puesto central.',
      customerMessages:
        'Este puesto es parte de {hub}; envíe los mensajes a los clientes desde el puesto central.'
    }
  },
  callBack: {
    noPage:
      'Conecte su página de Facebook en Configuración de la página antes de devolver llamadas.',
    inProgress: 'Ya hay una llamada en curso a este cliente.',
    noMoreRequests: 'Facebook no permite otra solicitud en este momento.',
    unknownCustomer:
      'Facebook ya no reconoce a {name} para su página: puede que haya borrado la conversación o bloqueado la página.',
    unknownCustomerUnnamed:
      'Facebook ya no reconoce al cliente para su página: puede que haya borrado la conversación o bloqueado la página.',
    notAllowed:
      '{name} no ha permitido llamadas de su página, o el permiso ha caducado. Vuelva a pedir permiso.',
    notAllowedUnnamed:
      'El cliente no ha permitido llamadas de su página, o el permiso ha caducado. Vuelva a pedir permiso.',
    requestsPerDay:
      'Facebook solo permite unas pocas solicitudes de permiso al día a cada cliente. Vuelva a intentarlo mañana.'
  },
  webhookOwner: {
    otherPage:
      'Las llamadas de {page} van a {desk} por otra página de esta aplicación ({pageIds}); una aplicación tiene una sola URL de devolución, así que este puesto no puede quedárselas.',
    noPublicUrl:
      'Este puesto todavía no tiene dirección pública, así que Meta no podría hacerle llegar llamadas: elija un túnel o escriba una dirección pública antes.',
    notConfirmed:
      'Facebook no confirmó la nueva dirección a tiempo; revise la conexión y vuelva a intentarlo.'
  }
} satisfies typeof en
