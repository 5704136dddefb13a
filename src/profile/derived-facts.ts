/**
 * Facts one field says of another, and the contradictions between them:
 * how 特困 support is given (tekun_care) beside the assistance list, and
 * leaving service (left_active_service, discharged_as) beside 军人身份.
 * The reader (normaliseRecord) derives them here; the batch's fast path
 * (row-normaliser.ts) derives the same for rows without the facts that
 * could contradict, and a property test holds the two equal.
 */
import { FIELD_BY_KEY } from './fields.js';
import type { Profile } from './normalise.js';

/** Reports a contradiction at the field that says it. */
export type Conflict = (key: string, message: string) => void;

/** 军人身份 values that have left service by their name (残疾军人 may or may not have). */
const VETERAN_STATUSES: readonly string[] = ['demobilized', 'discharged', 'retired_cadre', 'transferred_officer', 'retired_soldier'];

const zhOf = (key: string, value: unknown): string => FIELD_BY_KEY.get(key)?.values?.find((v) => v.value === value)?.zh ?? String(value);

/**
 * 分散 or 集中供养特困 on the assistance list says how the support is given;
 * a way of support says the person is 特困; a list without 特困 says there
 * is none (rules that ask it of 特困 then ask no one else).
 */
export function tekunCare(profile: Profile, conflict: Conflict): void {
  const assistance = profile.assistance;
  if (!Array.isArray(assistance)) return;
  const dispersed = assistance.includes('tekun_dispersed');
  const centralised = assistance.includes('tekun_centralised');
  const tekun = dispersed || centralised || assistance.includes('tekun');
  const care = profile.tekun_care;
  if (dispersed && centralised) {
    conflict('assistance', '救助身份（assistance）既写了分散供养特困又写了集中供养特困：只写其一');
  } else if ((dispersed && care === 'centralised') || (centralised && care === 'dispersed')) {
    conflict('tekun_care', `救助身份含${dispersed ? '分散' : '集中'}供养特困，特困供养方式（tekun_care）却是${dispersed ? '集中' : '分散'}供养`);
  } else if (tekun && care === 'none') {
    conflict('tekun_care', '救助身份（assistance）含特困供养，特困供养方式（tekun_care）却是无');
  } else if (!tekun && care !== undefined && care !== 'none') {
    conflict('tekun_care', '给出了特困供养方式（tekun_care），救助身份（assistance）却不含特困供养');
  }
  if (dispersed) profile.tekun_care ??= 'dispersed';
  else if (centralised) profile.tekun_care ??= 'centralised';
  else if (!tekun) profile.tekun_care ??= 'none';
}

/**
 * 已退出现役 and 退役时身份 beside 军人身份: 复员, 退伍, 离退休, 转业 and
 * 退役士兵 have left service (as themselves); 现役 has not, and 无 never
 * served; 残疾军人 says neither, which the two facts are for. 退役时身份
 * given says whether one left (未退役: not).
 */
export function militaryService(profile: Profile, conflict: Conflict): void {
  const status = profile.military_status;
  const veteran = typeof status === 'string' && VETERAN_STATUSES.includes(status);
  if (profile.left_active_service === false && veteran) {
    conflict('left_active_service', `军人身份（military_status）为${zhOf('military_status', status)}，已退出现役（left_active_service）却为否`);
  } else if (profile.left_active_service === true && (status === 'active' || status === 'none')) {
    conflict('left_active_service', `军人身份（military_status）为${zhOf('military_status', status)}，已退出现役（left_active_service）却为是`);
  }
  const as = profile.discharged_as;
  if (as === 'none') {
    if (veteran) conflict('discharged_as', `军人身份（military_status）为${zhOf('military_status', status)}，退役时身份（discharged_as）却是未退役`);
    else if (profile.left_active_service === true) conflict('discharged_as', '已退出现役（left_active_service）为是，退役时身份（discharged_as）却是未退役');
    profile.left_active_service ??= false;
  } else if (as !== undefined) {
    if (status === 'none' || status === 'active') {
      conflict('discharged_as', `军人身份（military_status）为${zhOf('military_status', status)}，却给出了退役时身份（discharged_as）`);
    } else if (status !== undefined && status !== 'disabled_veteran' && militaryDerived(status).as !== as) {
      conflict('discharged_as', '退役时身份（discharged_as）与军人身份（military_status）不一致：退役时身份只用于残疾军人');
    } else if (profile.left_active_service === false) {
      conflict('discharged_as', '已退出现役（left_active_service）为否，却给出了退役时身份（discharged_as）');
    }
    profile.left_active_service ??= true;
  }
  const derived = militaryDerived(status);
  if (derived.left !== undefined) profile.left_active_service ??= derived.left;
  if (derived.as !== undefined) profile.discharged_as ??= derived.as;
}

type Derived = Readonly<{ left?: boolean; as?: string }>;
const NOTHING_DERIVED: Derived = Object.freeze({});
/** Built once: the batch derives these for every row of a roster. */
const MILITARY_DERIVED = new Map<string, Derived>([
  ['active', Object.freeze({ left: false, as: 'none' })],
  ['none', Object.freeze({ left: false, as: 'none' })],
  ...VETERAN_STATUSES.map((s): [string, Derived] => [s, Object.freeze({ left: true, as: s === 'discharged' ? 'retired_soldier' : s })]),
]);

/** What 军人身份 says of leaving service: whether one has, and as what (残疾军人 says neither). */
function militaryDerived(status: unknown): Derived {
  return (typeof status === 'string' && MILITARY_DERIVED.get(status)) || NOTHING_DERIVED;
}
