import type en from '../en/follow-up'

/** No perder a ningún cliente: la respuesta a llamadas perdidas, la lista Por devolver, el botón de llamada. */
export default {
  reply: {
    defaultText:
      'Hola, {first_name}: lamentamos no haber atendido su llamada. Podemos hablar {next_opening}; con gusto le atenderemos.',
    buttonTitle: 'Llamar',
    unknownName: 'cliente',
    nextOpening: {
      unknown: 'en cuanto sea posible',
      now: 'ahora mismo',
      today: 'hoy a las {time}',
      tomorrow: 'mañana a las {time}',
      later: 'el {day} a las {time}'
    }
  },
  callButton: {
    text: 'Llámenos con un toque cuando le convenga.',
    send: 'Enviar un botón de llamada',
    sendTo: 'Enviar un botón de llamada a {name}',
    sending: 'Enviando…',
    sent: 'Botón de llamada enviado.',
    refused: 'No se envió: {reason}'
  },
  refusal: {
    outsideWindow:
      'el cliente no escribió a su página en las últimas 24 horas, así que Messenger no permite enviarle un mensaje ahora.',
    unavailable: 'esta persona no puede recibir mensajes en este momento.',
    rateLimited: 'Facebook está limitando los mensajes en este momento.',
    permissionLimit:
      'Facebook permite solo unas pocas solicitudes de permiso de llamada al día por cliente.',
    notAllowed: 'Facebook no permite que esta página envíe mensajes a este cliente.',
    noPage: 'no hay ninguna página de Facebook conectada.',
    unreachable: 'no se pudo contactar con Facebook.',
    other: 'Facebook rechazó el mensaje.',
    code: '(código de Facebook {code})'
  },
  history: {
    reason: {
      rangOut: 'Sonó sin respuesta',
      callerHungUp: 'El cliente colgó antes de que alguien contestara',
      doNotDisturb: 'No molestar estaba activado',
      outsideHours: 'Fuera del horario de atención',
      allBusy: 'Todos los puestos estaban en una llamada',
      declined: 'Rechazada'
    },
    replySent: 'Respuesta enviada',
    replySentButton: 'Respuesta enviada con un botón de llamada',
    replySentPermission: 'Respuesta enviada con una solicitud para permitir llamadas',
    replyRefused: 'Respuesta no entregada: {reason}',
    replyRecently: 'Sin respuesta: este cliente ya recibió una en las últimas 12 horas'
  },
  settings: {
    title: 'Respuesta a llamadas perdidas',
    intro:
      'Cuando se pierde una llamada, el cliente puede recibir un mensaje de Messenger de su página, como máximo uno cada 12 horas.',
    enabled: 'Enviar una respuesta tras una llamada perdida',
    text: 'Mensaje',
    textHint:
      'Use {first_name} para el nombre del cliente y {next_opening} para la próxima apertura.',
    tooLong: 'El mensaje puede tener como máximo {max} caracteres.',
    useSuggested: 'Usar el texto sugerido',
    extra: 'Añadir al mensaje',
    extraNone: 'Nada',
    extraCallButton: 'Un botón de llamada (funciona durante 7 días)',
    extraPermission: 'Una solicitud para permitir devolver la llamada',
    save: 'Guardar el mensaje',
    saving: 'Guardando…',
    saved: 'Guardado.',
    preview: 'Vista previa',
    previewCaption: 'Como lo ve {name} en Messenger',
    exampleName: 'Ana',
    pageName: 'Su página',
    permissionTitle: '¿Podemos llamarle por Messenger?',
    permissionAllow: 'Permitir',
    permissionDecline: 'Ahora no',
    windowNote:
      'Messenger entrega la respuesta solo si el cliente escribió a su página en las últimas 24 horas; si no, el Historial indica que no se entregó.'
  },
  tasks: {
    title: 'Por devolver',
    list: 'Clientes a los que devolver la llamada',
    empty: 'Nadie espera que le devuelvan la llamada: cada llamada perdida aparecerá aquí.',
    emptyAction: 'Abrir el historial de llamadas',
    setAside:
      'No se pudo leer la lista guardada. Se conservó como {file} y la lista empezó de nuevo.',
    calledOnce: 'Llamó una vez',
    calledTimes: 'Llamó {count} veces',
    reply: {
      sent: 'Respuesta enviada',
      sentButton: 'Respuesta enviada con un botón de llamada',
      sentPermission: 'Respuesta enviada, pidiendo permiso para llamar',
      refused: 'Facebook rechazó la respuesta',
      refusedWhy: 'Facebook rechazó la respuesta: {why}',
      off: 'Sin respuesta: las respuestas están desactivadas',
      recent: 'Sin respuesta: ya recibió una en las últimas 12 horas',
      none: 'Sin respuesta'
    },
    permission: {
      allowed: 'Permite que le devuelvan la llamada',
      requested: 'Se le pidió permiso para llamar',
      declined: 'No quiere que le devuelvan la llamada',
      expired: 'El permiso para llamar caducó',
      unknown: 'No ha dado permiso para llamar'
    },
    claimedHere: 'Este puesto devuelve la llamada',
    claimedBy: '{desk} devuelve la llamada',
    claim: 'Encargarme',
    claimName: 'Encargarme de {name}',
    release: 'Soltar',
    releaseName: 'Soltar a {name}',
    callBack: 'Devolver llamada',
    callBackName: 'Devolver la llamada a {name}',
    done: 'Hecho',
    doneName: 'Marcar {name} como hecho',
    reopen: 'Reabrir',
    reopenName: 'Reabrir {name}',
    closedSection: 'Hechos ({count})',
    closedTalked: 'Se habló con el cliente',
    closedTalkedBy: '{desk} habló con el cliente',
    closedByHand: '{desk} lo marcó como hecho'
  }
} satisfies typeof en
