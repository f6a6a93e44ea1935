import type en from '../en/app'

/** El marco de la ventana principal: navegación, inicio, estado de la conexión, avisos y anuncios. */
export default {
  // El nombre del producto, como lo muestran la bandeja, la barra de tareas y el sistema: sin traducir.
  name: 'Messenger Softphone',
  titleWithMissed: '({count}) {name}',
  incomingCalls: 'Llamadas entrantes',
  nav: {
    label: 'Secciones',
    home: 'Llamadas',
    history: 'Historial',
    tasks: 'Por devolver',
    /** Read after the To call back tab's number. */
    tasksOpen: '{count} pendientes',
    settings: 'Ajustes',
    setup: 'Configurar la página',
    missedOne: '{count} perdida',
    missedMany: '{count} perdidas',
    missedAfterOne: 'perdida',
    missedAfterMany: 'perdidas'
  },
  chip: {
    noPage: 'Ninguna página conectada',
    connected: 'Página conectada',
    checking: 'Comprobando la página',
    problem: 'Las llamadas no pueden llegar'
  },
  connection: {
    toHub: 'Conexión con el puesto central',
    toFacebook: 'Conexión con Facebook',
    noPage: 'Ninguna página conectada',
    pageSetup: 'Configurar la página'
  },
  dismissNotice: 'Cerrar',
  notices: {
    answeredBy: 'Contestada en {desk}',
    answeredElsewhere: 'Contestada en otro puesto',
    callerHungUp: 'El cliente colgó.',
    callEnded: 'Llamada terminada · {duration}',
    declined: 'Llamada rechazada.',
    ringTimeout: 'Llamada perdida: nadie contestó a tiempo.',
    noAnswer: 'El cliente no contestó.',
    failed: 'La llamada falló.'
  },
  avatar: {
    testCaller: 'Cliente de prueba'
  },
  welcome: {
    region: 'Bienvenida',
    title: 'Compruebe que funciona antes de conectar su página',
    intro:
      'Todavía no hay ninguna página de Facebook conectada. Haga una llamada de prueba: un cliente simulado llama a este puesto, lo saluda y luego le devuelve su propia voz, para que pueda comprobar el micrófono y los altavoces.',
    testCall: 'Llamada de prueba',
    setUp: 'Configurar este puesto'
  },
  home: {
    region: 'La línea de su página',
    waitingOwn: 'Esperando llamadas a su página de Facebook.',
    waitingHub: 'Esperando llamadas a la página de Facebook del puesto central.',
    testCall: 'Llamada de prueba',
    pageSetup: 'Configurar la página'
  },
  leftHub: {
    left: 'Este puesto salió de {hub}.',
    leftUnnamed: 'Este puesto salió de su puesto central.',
    notTold:
      'No se pudo avisar al puesto central; pida a su responsable que quite este puesto en Ajustes > Puestos.'
  },
  owner: {
    region: 'Dónde suenan las llamadas',
    yourPage: 'su página',
    blocked:
      '{desk} también recibe las llamadas de otra página de esta app. Una app tiene una sola URL de devolución de llamada, así que este puesto no puede quedarse con las llamadas sin cortar las de esa página.',
    joinIt: 'Unirse a él como puesto',
    joinHint:
      'Para unirse a {desk}, pida una invitación a su responsable: en ese puesto, Ajustes > Puestos > Añadir un puesto.',
    takeOver: 'Recibir las llamadas en este puesto',
    question: '¿Recibir las llamadas en este puesto?',
    warnDesk:
      '¿Recibir las llamadas en este puesto? Las llamadas de {page} sonarán aquí y dejarán de sonar en {current}.',
    warnServer:
      '¿Recibir las llamadas en este puesto? Las llamadas de {page} sonarán aquí y {current} dejará de recibirlas.',
    confirm: 'Recibirlas aquí',
    busy: 'Tomando las llamadas…',
    cancel: 'Dejarlo como está'
  },
  /** Outside the business hours (the window's status line, as the tray says it). */
  hoursStatus: {
    quiet: 'Fuera del horario de atención: las llamadas suenan en silencio.',
    declined: 'Fuera del horario de atención: las llamadas se rechazan.',
    closedUntil: 'Cerrado hasta el {when}.',
    noOpening: 'No hay horas de apertura.'
  }
} satisfies typeof en
