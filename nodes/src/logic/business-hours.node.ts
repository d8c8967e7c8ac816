import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import { defineNode } from '../sdk/define-node.ts';
import {
  decideBusinessHours,
  holidaySchema,
  isTimeZone,
  openRangeSchema,
  weekdays,
  type Weekday,
} from './business-hours-schedule.ts';

const dayLabels: Record<Weekday, { en: string; es: string }> = {
  mon: { en: 'Monday', es: 'Lunes' },
  tue: { en: 'Tuesday', es: 'Martes' },
  wed: { en: 'Wednesday', es: 'Miércoles' },
  thu: { en: 'Thursday', es: 'Jueves' },
  fri: { en: 'Friday', es: 'Viernes' },
  sat: { en: 'Saturday', es: 'Sábado' },
  sun: { en: 'Sunday', es: 'Domingo' },
};

const daySchedule = (day: Weekday) =>
  z
    .array(openRangeSchema)
    .default([])
    .meta({ ui: { widget: 'rows', label: dayLabels[day] } });

const weekdayNineToSix = [{ open: '09:00', close: '18:00' }];

export const logicBusinessHours = defineNode({
  type: 'logic.business-hours',
  version: 1,
  title: { en: 'Business hours', es: 'Horario de atención' },
  description: {
    en: 'Goes to "open" or "closed" by the weekly schedule and holidays, in the chosen timezone.',
    es: 'Sigue por «abierto» o «cerrado» según el horario semanal y los festivos, en la zona horaria elegida.',
  },
  category: 'logic',
  pure: true,
  icon: 'clock',
  portDescriptions: {
    open: { en: 'Now is within the opening hours.', es: 'Ahora está dentro del horario de apertura.' },
    closed: {
      en: 'Now is outside the opening hours, or a holiday.',
      es: 'Ahora está fuera del horario o es festivo.',
    },
  },
  summary: [{ field: 'timezone', label: { en: 'Time zone', es: 'Zona horaria' } }],
  ports: ['open', 'closed'],
  config: z.object({
    timezone: z
      .string()
      .default('Europe/Madrid')
      .refine(isTimeZone, { message: 'Use an IANA timezone such as Europe/Madrid or America/Mexico_City' })
      .meta({ ui: { widget: 'text', label: { en: 'Timezone (IANA)', es: 'Zona horaria (IANA)' } } }),
    // One list per weekday at the top level, so the inspector shows each day as its own rows.
    mon: daySchedule('mon').default(weekdayNineToSix),
    tue: daySchedule('tue').default(weekdayNineToSix),
    wed: daySchedule('wed').default(weekdayNineToSix),
    thu: daySchedule('thu').default(weekdayNineToSix),
    fri: daySchedule('fri').default(weekdayNineToSix),
    sat: daySchedule('sat'),
    sun: daySchedule('sun'),
    holidays: z
      .array(holidaySchema)
      .default([])
      .meta({
        ui: {
          widget: 'rows',
          label: { en: 'Holidays (closed all day)', es: 'Festivos (cerrado todo el día)' },
        },
      }),
  }),
  // An activity, not a guard over the workflow's clock: its answer (and the local time it saw)
  // goes into the run's history, so a replay on a worker with other tz data decides the same.
  compile: (_node, ctx) => ctx.runActivity({ ports: ['open', 'closed'] }),
  activity: {
    options: { startToCloseTimeout: '10s', retry: { maximumAttempts: 3, initialInterval: '1s' } },
    output: z.object({
      open: z.boolean().meta(outputField('Open now', 'Abierto ahora', true)),
      localTime: z.string().meta(outputField('Local time', 'Hora local', '2026-03-02T09:30')),
      weekday: z.enum(weekdays).meta(outputField('Day of the week', 'Día de la semana', 'mon')),
      holiday: z
        .string()
        .optional()
        .meta(outputField('Holiday', 'Festivo', 'Navidad')),
    }),
    async run(config, _scope, deps) {
      const { timezone, holidays, mon, tue, wed, thu, fri, sat, sun } = config;
      const schedule = { mon, tue, wed, thu, fri, sat, sun };
      const decision = decideBusinessHours({ timezone, schedule, holidays }, deps.clock?.() ?? new Date());
      return { port: decision.open ? 'open' : 'closed', output: decision };
    },
  },
});
