import type en from '../en/errors-connection'

/** La línea de un puesto sobre su puesto central, sus rechazos y quién recibe el webhook. */
export default {
  hubLine: {
    connecting: 'Conectando con {hub}…',
    offline:
      'Puesto central sin conexión: {reason}. Aquí no se pueden contestar llamadas hasta que vuelva.',
    withQueued: '{line} {queued}',
    queuedOne: 'Su colgado llegará a Meta cuando vuelva el puesto central.',
    queuedMany: 'Sus {count} colgados llegarán a Meta cuando vuelva el puesto central.',
    refused: '{refusal}.',
    connected: 'Conectado con {hub} · {line}',
    noPage: 'El puesto central todavía no tiene ninguna página de Facebook conectada.',
    pageConnected: 'Página conectada',
    chip: {
      connecting: 'Conectando con el puesto central',
      offline: 'Puesto central sin conexión',
      refused: 'Sin conexión con el puesto central',
      noPage: 'Ninguna página conectada'
    }
  },
  hubReason: {
    stopping: 'El puesto central se está cerrando',
    tooSlow: 'Este puesto no siguió el ritmo del puesto central: se cerró su conexión',
    slowHandshake: 'El puesto central tardó demasiado en responder',
    notRunning: 'El puesto central no está funcionando en {host}, o su computadora está apagada',
    notFound: 'No se encontró {host}: revise la conexión a internet de esta computadora',
    noAnswer: '{host} no respondió: revise la conexión a internet de esta computadora',
    cut: 'Se cortó la conexión con {host}',
    other: 'No se pudo llegar al puesto central en {host} ({error})',
    closed: 'El puesto central cerró la conexión',
    dropped: 'Se perdió la conexión con el puesto central',
    notYet: 'Todavía sin conexión',
    closedHere: 'Conexión cerrada'
  },
  seatRefused: {
    codeRefused: 'El código de emparejamiento fue rechazado: venció, ya se usó o se escribió mal',
    tooManyAttempts:
      'Demasiados intentos de emparejamiento: espere un minuto y vuelva a intentarlo',
    alreadyPaired: 'Este puesto ya está emparejado con este puesto central',
    nameTaken: 'Ya existe un puesto llamado "{name}"',
    removed: 'Este puesto fue quitado del puesto central: vuelva a emparejarlo con un código nuevo',
    replaced: 'Este puesto se conectó al puesto central desde otro lugar',
    seatOlder:
      'Este puesto es más antiguo que su puesto central: actualice este puesto para conectarse',
    hubOlder:
      'El puesto central tiene una versión más antigua que este puesto: actualice el puesto central',
    versionsDiffer:
      'Este puesto y su puesto central tienen versiones distintas: actualice el más antiguo',
    notPaired:
      'Este puesto todavía no está emparejado con un puesto central: necesita un código de emparejamiento',
    noHubAddress:
      'Este puesto no conoce la dirección de su puesto central: pegue la invitación completa del puesto central',
    notTheHub: 'El puesto que respondió no es el puesto central con el que se emparejó este puesto',
    notTheCodesHub:
      'El puesto que respondió no es el puesto central que creó este código de emparejamiento'
  },
  owner: {
    unknown: 'No se puede saber adónde van las llamadas de {page}: {reason}',
    notAsked: 'No se pudo preguntar a Facebook qué dirección recibe las llamadas.',
    thisDesk: 'Las llamadas de {page} suenan en este puesto.',
    otherDesk: 'Las llamadas de {page} van a {desk} ({url}).',
    otherDeskTook: '{desk} ({url}) se quedó con las llamadas de {page}: ya no suenan aquí.',
    foreign: 'Las llamadas de {page} van a {url}, que no es esta aplicación.',
    foreignTook:
      'Las llamadas de {page} ahora van a {url}, que no es esta aplicación: ya no suenan aquí.',
    thisPage: 'esta página',
    yourPage: 'su página'
  }
} satisfies typeof en
