import { maxRetentionDays, minRetentionDays, parseRetentionDays } from './retention-days.ts';
import { WorkspaceSettingSection } from './workspace-setting-section.tsx';

/** Settings → Run history: how long run details are kept. */
export function RetentionSection() {
  return (
    <WorkspaceSettingSection
      setting="runRetentionDays"
      id="settings-runs"
      text={{
        title: 'settings.runs',
        field: 'settings.retention',
        hint: 'settings.retentionHint',
        invalid: 'settings.invalid',
      }}
      format={String}
      parse={parseRetentionDays}
      input={{ type: 'number', min: minRetentionDays, max: maxRetentionDays, step: 1 }}
    />
  );
}
