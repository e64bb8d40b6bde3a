import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { defaultStaffingSettings, StaffingSettings } from './StaffingService';

/**
 * `securityMaturity.staffing`: what a partner's capacity counts
 * (`capacityUnit`: components or hours), the hours one supported component
 * takes (`hoursPerComponent`), and the largest workbook an upload may be
 * (`maxUploadMegabytes`).
 */
export function readStaffingSettings(config: Config): StaffingSettings {
  const c = config.getOptionalConfig('securityMaturity.staffing');
  const unit =
    c?.getOptionalString('capacityUnit') ?? defaultStaffingSettings.unit;
  if (unit !== 'components' && unit !== 'hours') {
    throw new InputError(
      `securityMaturity.staffing.capacityUnit must be components or hours, not ${unit}`,
    );
  }
  const hours =
    c?.getOptionalNumber('hoursPerComponent') ??
    defaultStaffingSettings.hoursPerComponent;
  const megabytes = c?.getOptionalNumber('maxUploadMegabytes');
  if (!(hours > 0) || (megabytes !== undefined && !(megabytes > 0))) {
    throw new InputError(
      'securityMaturity.staffing.hoursPerComponent and maxUploadMegabytes must be positive numbers',
    );
  }
  return {
    ...defaultStaffingSettings,
    unit,
    hoursPerComponent: hours,
    ...(megabytes
      ? { maxUploadBytes: Math.round(megabytes * 1024 * 1024) }
      : {}),
  };
}
