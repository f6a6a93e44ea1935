import type en from '../en/shell'

/**
 * Textos que muestra el propio escritorio: las notificaciones, la información y el menú del icono
 * de la bandeja, la pregunta al salir, el menú de la aplicación y los diálogos de un arranque fallido.
 */
export default {
  notification: {
    callTitle: 'Llamada entrante de Messenger',
    callBody: '{caller} está llamando a su página.',
    updateTitle: '{app} {version} está lista',
    updateBody: 'Se instalará cuando salga de la aplicación.'
  },
  tray: {
    open: 'Abrir {app}',
    testCall: 'Llamada de prueba',
    testCallUnavailable: 'Llamada de prueba (todavía no disponible)',
    doNotDisturb: 'No molestar',
    startAtLogin: 'Abrir al iniciar sesión',
    quit: 'Salir'
  },
  tooltip: {
    app: '{app}: {status}',
    starting: 'iniciando',
    ringing: '{caller} está llamando',
    ringingMore: '{caller} está llamando (y {more} más)',
    inCall: 'En llamada con {caller}',
    ready: 'Listo para recibir llamadas',
    quiet: '{status} (no molestar)',
    closedUntil: '{status} (cerrado hasta {when}: {calls})',
    noOpening: '{status} (sin horario de atención: {calls})',
    callsQuiet: 'las llamadas no suenan',
    callsDeclined: 'las llamadas se rechazan',
    /** Not a text: how this language writes the opening's weekday and time (Intl). */
    dateLocale: 'es',
    missedOne: '{status} (1 llamada perdida)',
    missedMany: '{status} ({count} llamadas perdidas)',
    notSetUp: 'Sin configurar: abra la aplicación para conectar su página de Facebook',
    notListening: 'No recibe llamadas: el webhook local no se inició',
    noPublicUrl: 'Las llamadas aún no llegan a este equipo: no hay dirección pública de webhook',
    hubWithoutPage: 'El puesto central aún no tiene una página de Facebook conectada'
  },
  quit: {
    title: '¿Salir con llamadas en curso?',
    hubOne: 'Hay 1 llamada en curso en sus puestos; al salir, se corta para el cliente.',
    hubMany: 'Hay {count} llamadas en curso en sus puestos; al salir, se cortan para los clientes.',
    seatOne: 'Hay 1 llamada en curso en este puesto; si sale, se corta para el cliente.',
    seatMany: 'Hay {count} llamadas en curso en este puesto; si sale, se cortan para los clientes.',
    quitAndEnd: 'Salir y terminar las llamadas',
    keepRunning: 'Seguir abierta'
  },
  menu: {
    file: '&Archivo',
    edit: '&Edición',
    view: '&Ver',
    window: 'Ventana',
    quit: 'Salir',
    quitApp: 'Salir de {app}',
    about: 'Acerca de {app}',
    services: 'Servicios',
    hide: 'Ocultar {app}',
    hideOthers: 'Ocultar otros',
    showAll: 'Mostrar todo',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Ampliar',
    zoomOut: 'Reducir',
    minimize: 'Minimizar',
    zoom: 'Zoom',
    close: 'Cerrar ventana'
  },
  dialog: {
    cannotReceive: '{app} no puede recibir llamadas',
    couldNotStart: '{app} no pudo iniciarse',
    portInUse:
      'El puerto {port} ({variable}) ya está en uso; probablemente hay otra copia del softphone abierta: ciérrela o asigne a {variable} un puerto libre.'
  },
  toastTitle: 'Llamada entrante'
} satisfies typeof en
