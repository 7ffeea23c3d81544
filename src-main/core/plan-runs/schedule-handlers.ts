/** The request handlers of the schedules domain (see ipc/contract/schedules.ts): next runs, pause and resume. */
import type { HandlersFor } from '../../ipc/contract.js';
import type { scheduleRequests } from '../../ipc/contract/schedules.js';
import type { PlanSchedule } from './plan-schedule.js';

/** What the schedule handlers use. */
export interface ScheduleHandlerDeps {
  readonly schedule: PlanSchedule;
  /** Told when the user pauses or resumes all schedules (the periodic checks follow). */
  readonly onPausedChanged: (paused: boolean) => void;
}

/** One handler per schedule request. */
export function scheduleHandlers(deps: ScheduleHandlerDeps): HandlersFor<typeof scheduleRequests> {
  const { schedule } = deps;
  const scheduleState = () => ({ paused: schedule.scheduler.isPaused() });
  return {
    'schedules:upcoming': async () => schedule.upcoming(),
    'schedules:pause': async () => {
      schedule.scheduler.pause();
      schedule.refresh();
      deps.onPausedChanged(true);
      return scheduleState();
    },
    'schedules:resume': async () => {
      schedule.scheduler.resume();
      schedule.refresh();
      deps.onPausedChanged(false);
      return scheduleState();
    },
    'schedules:state': async () => scheduleState(),
  };
}
