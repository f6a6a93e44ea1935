import type en from '../en/history'

/** Historial de llamadas: la lista, sus filtros, la calidad y devolver la llamada. */
export default {
  title: 'Historial',
  sources: {
    label: 'Qué llamadas',
    current: 'Las llamadas del puesto central',
    past: 'Las llamadas de este puesto antes de unirse',
    pastNote:
      'Estas son las llamadas propias de este puesto de antes de unirse al puesto central; se guardan aquí solo para consulta.'
  },
  list: 'Llamadas',
  looking: 'Buscando…',
  empty: {
    noMissedMatch: 'Ninguna llamada perdida coincide con “{term}”.',
    noMatch: 'Ninguna llamada coincide con “{term}”.',
    clearSearch: 'Borrar la búsqueda',
    noMissed: 'No hay llamadas perdidas.',
    showAll: 'Mostrar todas las llamadas',
    noPast: 'Este puesto no tiene llamadas de antes de unirse.',
    showHub: 'Mostrar las llamadas del puesto central',
    noCalls: 'Todavía no hay llamadas.',
    placeTestCall: 'Hacer una llamada de prueba'
  },
  filters: {
    label: 'Mostrar',
    all: 'Todas',
    missed: 'Perdidas',
    search: 'Buscar llamadas',
    searchPlaceholder: 'Buscar por nombre'
  },
  quality: {
    label: 'Calidad de la llamada',
    roundTrip: 'Ida y vuelta',
    jitter: 'Variación',
    loss: 'Pérdida',
    packetsReceived: 'Paquetes recibidos',
    quality: 'Calidad',
    notMeasured: 'sin medir',
    shared: 'Compartida',
    withMeta: 'con Meta'
  },
  sharing: {
    label: 'Enviar las cifras de calidad de las llamadas a Meta',
    hint: 'Ida y vuelta, variación y recuento de paquetes de las llamadas a su página, enviados después de cada llamada para ayudar a Meta a investigar el audio deficiente. Las llamadas de prueba nunca se envían.',
    notSaved: 'No se guardó la elección. Inténtelo de nuevo.'
  },
  callBack: {
    permission: {
      allowed: '{name} permite las llamadas de su página.',
      allowedUntil: '{name} permite las llamadas de su página hasta el {until}.',
      notAllowed:
        '{name} no ha permitido las llamadas de su página. Pídalo antes en Messenger; se responde con un toque.',
      pending: 'Esperando a que {name} permita las llamadas…',
      declined: '{name} rechazó las llamadas de su página.',
      expired: 'El permiso que dio {name} para llamar ha vencido. Vuelva a pedirlo en Messenger.',
      unknown:
        'Facebook informó un estado del permiso de {name} que esta aplicación no conoce; inténtelo más tarde.',
      cannotAskNow: 'Facebook no permite pedirle permiso a {name} ahora; inténtelo más tarde.',
      allowFirst: '{name} tiene que permitir antes las llamadas de su página.',
      callAgainAt: 'Facebook permite volver a llamar a {name} desde el {time}.',
      cannotCallNow: 'Facebook no permite llamar a {name} ahora; inténtelo más tarde.'
    },
    title: 'Devolver la llamada a {name}',
    checking: 'Comprobando si {name} permite llamadas…',
    ask: 'Pedir a {name} permiso para llamar',
    askAgain: 'Volver a pedírselo a {name}',
    asking: 'Pidiendo…',
    call: 'Llamar a {name}',
    calling: 'Llamando…',
    tryAgain: 'Reintentar',
    close: 'Cerrar',
    requestsLeft: 'Solicitudes disponibles {period}: {left} de {max}.',
    requestsLeftOfOne: 'Solicitudes disponibles {period}: {left} de 1.',
    noRequestsLeft: 'No quedan solicitudes {period}; Facebook permite {max}.',
    askAgainAt: 'No quedan solicitudes: podrá volver a pedirlo a las {time}.',
    askAgainOn: 'No quedan solicitudes: podrá volver a pedirlo el {day}, a las {time}.',
    period: {
      day: 'hoy',
      week: 'esta semana',
      hours: 'en estas {hours} horas',
      other: 'en este período'
    }
  },
  ago: {
    justNow: 'hace un momento'
  }
} satisfies typeof en
