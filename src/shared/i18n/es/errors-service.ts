import type en from '../en/errors-service'

/** Los fallos del propio servicio (una petición, la conexión con el servicio). */
export default {
  internal: 'Algo salió mal dentro de la aplicación. Vuelva a intentarlo.',
  invalidFrame: 'La aplicación envió una petición que no entiende. Reinicie la aplicación.',
  unknownCommand: 'Orden desconocida "{command}".',
  invalidRequest: 'La petición {command} no es válida.',
  invalidRequestField: 'La petición {command} no es válida ({field}).',
  connectionLost: 'Se perdió la conexión con el servicio del teléfono.',
  connectionClosed: 'La conexión con el servicio del teléfono no está abierta.',
  ownerOnly: 'Solo el puesto que tiene la página puede ver o cambiar esto.',
  callBackNotAllowed:
    'Devolver llamadas desde este puesto está desactivado: el puesto que tiene la página puede permitirlo en sus ajustes.',
  testCallUnavailable: 'La llamada de prueba no está disponible en esta ventana.',
  takeOverUnavailable: 'Quedarse con el webhook no está disponible aquí.',
  onboardingUnavailable: 'Conectar una página no está disponible aquí.',
  desksUnavailableHere: 'Otros puestos no pueden unirse a este.',
  callBackUnavailable: 'Devolver llamadas a clientes no está disponible aquí.',
  turnPasswordUnavailable: 'Aquí no se puede guardar una contraseña TURN.',
  callEnded: 'Esta llamada ya terminó.',
  answeredElsewhere: 'Esta llamada se contestó en otro lugar.',
  qualityTooLate:
    'Esta llamada terminó hace demasiado tiempo para añadir sus datos de calidad al historial.',
  qualityNotYours: 'Solo el puesto que contestó esta llamada puede informar de su calidad.',
  qualityNotInHistory: 'Esta llamada no está en el historial, así que no se guardaron sus datos.',
  hoursNotPublished: 'El horario se guardó en esta aplicación, pero no en la página. {reason}',
  shuttingDown: 'La aplicación se está cerrando.'
} satisfies typeof en
