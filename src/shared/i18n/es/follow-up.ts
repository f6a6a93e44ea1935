import type en from '../en/follow-up'

/** No perder a ningún cliente: la respuesta a llamadas perdidas, la lista Por devolver, el botón de llamada. */
export default {
  tasks: {
    tab: 'Por devolver',
    tabOpen: '{count} pendientes',
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
