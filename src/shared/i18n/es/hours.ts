import type en from '../en/hours'

/** Horario de atención: horas de la semana, festivos y zona horaria, y lo que dicen los puestos fuera de él. */
export default {
  title: 'Horario de atención',
  description:
    'Cuándo el negocio atiende llamadas. Al guardarlo se publica en la página de Facebook, y Messenger muestra a las personas cuándo se atiende.',
  loading: 'Cargando el horario de atención…',
  notSaved: 'Aún sin guardar: es un horario sugerido.',
  timeZone: {
    label: 'Zona horaria',
    hint: 'Escribir para buscar, por ejemplo America/Mexico_City.'
  },
  weekly: {
    legend: 'Horario de apertura',
    closed: 'Cerrado',
    opens: '{day}, abre',
    closes: '{day}, cierra',
    opensAgain: '{day}, vuelve a abrir',
    closesAgain: '{day}, vuelve a cerrar',
    until: 'a',
    addOn: 'Agregar un segundo tramo de horas el {day}',
    remove: 'Quitar',
    removeOn: 'Quitar las horas de {from} a {to} del {day}'
  },
  holidays: {
    legend: 'Festivos',
    hint: 'Cerrado todo el día, del primer día al último.',
    none: 'No hay festivos.',
    from: 'Primer día',
    to: 'Último día',
    fromNumbered: 'Festivo {number}, primer día',
    toNumbered: 'Festivo {number}, último día',
    add: 'Agregar un festivo',
    remove: 'Quitar',
    removeNumbered: 'Quitar el festivo {number}'
  },
  outside: {
    legend: 'Llamadas fuera del horario',
    hint: 'Con las dos últimas opciones, No molestar sigue el horario.',
    ring: 'Sonar como siempre',
    ringHint: 'Todos los puestos suenan, sea la hora que sea.',
    quiet: 'Dejar sonar en silencio',
    quietHint: 'Aquí no suena nada; la llamada queda como perdida cuando Messenger deja de llamar.',
    decline: 'Rechazar',
    declineHint: 'Se avisa de inmediato a quien llama que el negocio está cerrado.'
  },
  save: 'Guardar y publicar',
  saving: 'Guardando…',
  saved: 'Guardado y publicado en la página.',
  invalid: {
    range: '{day}: la hora de cierre debe ser posterior a la de apertura.',
    holiday: 'Festivo {number}: elegir un primer día y un último día igual o posterior.',
    tooMany: 'Como máximo 20 festivos.',
    timeZone: '«{zone}» no es una zona horaria; elegir una de la lista.'
  },
  page: {
    same: 'La página muestra el mismo horario.',
    none: 'La página aún no publica un horario de llamadas.',
    differs: 'La página muestra un horario distinto al de esta aplicación:',
    day: '{day}: aquí {here}; en la página {page}.',
    timeZone: 'Zona horaria: aquí {here}; en la página {page}.',
    holidays: 'Los festivos son distintos.',
    closed: 'cerrado',
    rewrite: 'Volver a escribir este horario en la página',
    unreadable: 'No se pudo leer el horario de la página. {reason}'
  }
} satisfies typeof en
