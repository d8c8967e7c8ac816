import { formatSlaTargetPercent, parseSlaTargetPercent } from './sla-target-percent.ts';
import { WorkspaceSettingSection } from './workspace-setting-section.tsx';

/** Settings → Availability target: the SLA percentage the availability report measures against. */
export function SlaTargetSection() {
  return (
    <WorkspaceSettingSection
      setting="slaTargetPercent"
      id="settings-sla"
      text={{
        title: 'slaTarget.title',
        field: 'slaTarget.field',
        hint: 'slaTarget.hint',
        invalid: 'slaTarget.invalid',
      }}
      format={formatSlaTargetPercent}
      parse={parseSlaTargetPercent}
      input={{ type: 'text', inputMode: 'decimal' }}
    />
  );
}
