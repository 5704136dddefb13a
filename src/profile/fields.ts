/**
 * The profile contract (spec/profile.md) as one table: every fact a rule may
 * ask about, its Chinese label, its type and, for enums and sets, the allowed
 * values with their Chinese labels. The reader, the rule loader, the JSON
 * Schema and the batch header mapping are all built from this table, so they
 * cannot drift apart.
 */

export type FieldType = 'string' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'set';

export interface EnumValue {
  value: string;
  zh: string;
  en: string;
  /** Extra spellings accepted on input (besides value and zh). */
  aliases?: string[];
  /**
   * Broader words refused, with this value suggested: the plan's item is for
   * the narrower group (高血压 for 原发性高血压), so they are not aliases.
   */
  broader?: string[];
}

export interface FieldDef {
  key: string;
  zh: string;
  en: string;
  type: FieldType;
  group: FieldGroup;
  values?: EnumValue[];
  min?: number;
  max?: number;
  /** Extra key spellings accepted on input (besides key and zh). */
  aliases?: string[];
  /** Facts that belong to a household: batch derives them from the members. */
  household?: boolean;
  /** Display only: never used by a rule. */
  displayOnly?: boolean;
}

export type FieldGroup =
  | 'identity'
  | 'residence'
  | 'family'
  | 'children'
  | 'education'
  | 'work'
  | 'insurance'
  | 'assistance'
  | 'disability'
  | 'health'
  | 'military'
  | 'housing'
  | 'household';

const v = (value: string, zh: string, en: string, aliases?: string[], broader?: string[]): EnumValue => ({
  value,
  zh,
  en,
  ...(aliases?.length ? { aliases } : {}),
  ...(broader ? { broader } : {}),
});

const BOOL = 'boolean' as const;

export const FIELDS: readonly FieldDef[] = [
  // Identity
  { key: 'name', zh: '姓名', en: 'name', type: 'string', group: 'identity', displayOnly: true },
  { key: 'id_number', zh: '身份证号', en: 'citizen ID number', type: 'string', group: 'identity', aliases: ['身份证号码', '公民身份号码', '身份证', '身份证件号码', '公民身份证号码', '居民身份证号码'] },
  { key: 'birth_date', zh: '出生日期', en: 'birth date', type: 'date', group: 'identity' },
  { key: 'age', zh: '年龄', en: 'age', type: 'integer', min: 0, max: 150, group: 'identity' },
  { key: 'sex', zh: '性别', en: 'sex', type: 'enum', group: 'identity', values: [v('male', '男', 'male', ['m', 'M', '男性']), v('female', '女', 'female', ['f', 'F', '女性'])] },

  // Registration and residence
  { key: 'hukou_type', zh: '户籍性质', en: 'hukou type', type: 'enum', group: 'residence', aliases: ['户口性质'], values: [v('urban', '城镇', 'urban', ['非农业', '城镇户口']), v('rural', '农村', 'rural', ['农业', '农村户口'])] },
  { key: 'hukou_local', zh: '本地户籍', en: 'Longchang hukou', type: BOOL, group: 'residence', aliases: ['隆昌户籍'] },
  { key: 'resident', zh: '常住', en: 'usually resident in Longchang', type: BOOL, group: 'residence', aliases: ['辖区内常住', '常住隆昌'] },
  { key: 'residence_area', zh: '居住地类型', en: 'area of residence', type: 'enum', group: 'residence', values: [v('urban', '城镇', 'urban'), v('rural', '农村', 'rural')] },
  { key: 'township', zh: '镇街', en: 'town or street', type: 'string', group: 'residence', aliases: ['镇（街道）', '乡镇街道'] },

  // Family and childbearing
  { key: 'marital_status', zh: '婚姻状况', en: 'marital status', type: 'enum', group: 'family', values: [v('unmarried', '未婚', 'unmarried'), v('married', '已婚', 'married', ['有配偶']), v('divorced', '离异', 'divorced', ['离婚', '已离婚']), v('widowed', '丧偶', 'widowed')] },
  { key: 'spouse_birth_date', zh: '配偶出生日期', en: "spouse's birth date", type: 'date', group: 'family' },
  { key: 'pregnancy', zh: '孕产状态', en: 'pregnancy', type: 'enum', group: 'family', values: [v('none', '无', 'none'), v('planning', '计划怀孕', 'planning a pregnancy'), v('pregnant', '孕期', 'pregnant', ['怀孕']), v('postpartum', '产褥期', 'postpartum', ['产后'])] },
  { key: 'family_planning', zh: '计划生育情况', en: 'family-planning situation', type: 'enum', group: 'family', values: [v('one_child', '独生子女', 'one child'), v('two_daughters', '双女', 'two daughters'), v('only_child_disabled', '独生子女伤残', 'only child disabled', ['独子伤残']), v('only_child_deceased', '独生子女死亡', 'only child deceased', ['独子死亡'])] },
  { key: 'fp_surgery_complication', zh: '计划生育手术并发症', en: 'has a family-planning surgery complication', type: BOOL, group: 'family' },
  { key: 'fp_surgery_complication_grade', zh: '计划生育手术并发症等级', en: 'family-planning surgery complication grade', type: 'integer', min: 1, max: 4, group: 'family' },
  { key: 'fp_special_support_enrolled', zh: '已纳入计划生育特别扶助', en: 'enrolled in family-planning special support', type: BOOL, group: 'family' },

  // Children
  { key: 'orphan', zh: '孤儿', en: 'orphan', type: BOOL, group: 'children' },
  { key: 'de_facto_unsupported', zh: '事实无人抚养儿童', en: 'de-facto unsupported child', type: BOOL, group: 'children' },
  { key: 'left_behind', zh: '留守情况', en: 'left-behind situation', type: 'enum', group: 'children', values: [v('none', '无', 'none'), v('both_parents_migrant', '父母双方外出务工', 'both parents work away'), v('one_parent_migrant_other_incapable', '一方外出务工另一方无监护能力', 'one parent works away, the other cannot be guardian')] },
  { key: 'child_difficulty', zh: '困境情形', en: 'child difficulty', type: 'set', group: 'children', values: [v('family_poverty', '家庭贫困', 'family poverty'), v('disability', '自身残疾', 'own disability'), v('guardianship_lacking', '监护缺失或不当', 'lacking or improper guardianship')] },

  // Education
  { key: 'school_level', zh: '就读学段', en: 'school level', type: 'enum', group: 'education', values: [v('none', '未就读', 'not in school'), v('kindergarten', '幼儿园', 'kindergarten'), v('primary', '小学', 'primary school'), v('junior_secondary', '初中', 'junior secondary school'), v('senior_secondary', '普通高中', 'general senior secondary school', ['高中']), v('secondary_vocational', '中等职业学校', 'secondary vocational school', ['中职']), v('higher', '高等院校', 'higher education', ['大学'])] },
  { key: 'school_grade', zh: '年级', en: 'grade', type: 'integer', min: 1, max: 9, group: 'education' },
  { key: 'kindergarten_inclusive', zh: '普惠性幼儿园', en: 'inclusive (普惠性) kindergarten', type: BOOL, group: 'education' },
  { key: 'formal_enrollment', zh: '正式学籍', en: 'formal enrolment', type: BOOL, group: 'education' },
  { key: 'vocational_major', zh: '专业类别', en: 'vocational major', type: 'enum', group: 'education', values: [v('agricultural', '涉农专业', 'agricultural'), v('opera', '戏曲表演', 'opera performance'), v('other_performing_arts', '其他艺术表演', 'other performing arts'), v('other', '其他', 'other')] },
  { key: 'special_school', zh: '特殊教育学校', en: 'special-education school', type: BOOL, group: 'education' },
  { key: 'family_financial_difficulty', zh: '家庭经济困难', en: 'family in financial difficulty (recognised by the school system)', type: BOOL, group: 'education' },

  // Work
  { key: 'employment_status', zh: '就业状态', en: 'employment status', type: 'enum', group: 'work', values: [v('employed', '就业', 'employed', ['在职']), v('self_employed', '自主创业', 'self-employed'), v('flexible', '灵活就业', 'flexible work'), v('unemployed', '失业', 'unemployed'), v('retired', '退休', 'retired'), v('student', '在校', 'student', ['学生']), v('not_in_labor_force', '无就业意愿', 'not in the labour force')] },
  { key: 'employer_type', zh: '用人单位类型', en: 'employer type', type: 'enum', group: 'work', values: [v('public', '机关事业单位', 'government or public institution'), v('non_public', '非公有制企业或社会组织', 'non-public company or social organisation'), v('foreign_office', '外国企业常驻代表机构', 'foreign company representative office')] },
  { key: 'seeks_work', zh: '有就业创业需求', en: 'seeks work or to start a business', type: BOOL, group: 'work' },
  { key: 'wants_training', zh: '有培训需求', en: 'wants training', type: BOOL, group: 'work' },
  { key: 'college_graduation_date', zh: '高校毕业离校日期', en: 'date of leaving college', type: 'date', group: 'work' },
  { key: 'employment_difficulty', zh: '就业困难人员', en: 'certified as having difficulty finding work', type: BOOL, group: 'work' },
  { key: 'left_public_sector', zh: '离开机关事业单位', en: 'resigned, dismissed or removed from the public sector', type: BOOL, group: 'work' },
  { key: 'migrant_worker', zh: '外出务工', en: 'works away from home', type: BOOL, group: 'work' },

  // Insurance
  { key: 'insurance', zh: '参保', en: 'insurance held', type: 'set', group: 'insurance', aliases: ['参保险种'], values: [v('employee_medical', '职工医保', "employees' medical insurance"), v('resident_medical', '居民医保', "residents' medical insurance"), v('employee_pension', '职工养老', "employees' pension insurance"), v('resident_pension', '居民养老', "residents' pension insurance"), v('unemployment', '失业保险', 'unemployment insurance'), v('work_injury', '工伤保险', 'work-injury insurance'), v('maternity', '生育保险', 'maternity insurance')] },

  // Income and assistance
  { key: 'assistance', zh: '救助身份', en: 'assistance status', type: 'set', group: 'assistance', values: [v('dibao', '低保', 'minimum living guarantee (dibao)', ['最低生活保障', '低保户']), v('tekun', '特困供养', 'extreme-poverty support (tekun)', ['特困', '特困户', '特困人员', '特困供养人员', '农村特困', '农村特困人员', '城市特困', '城市特困人员', '五保', '五保户']), v('tekun_dispersed', '分散供养特困', 'dispersed tekun support', ['分散供养特困人员', '农村分散供养特困人员', '分散特困']), v('tekun_centralised', '集中供养特困', 'tekun support in a care institution', ['集中供养特困人员', '农村集中供养特困人员', '集中特困']), v('low_income', '低收入家庭', 'low-income family', ['低收入户']), v('dibao_edge', '低保边缘', 'on the edge of dibao'), v('poverty_alleviated', '脱贫人口', 'lifted out of poverty', ['脱贫户']), v('at_risk', '易返贫致贫', 'at risk of (re)falling into poverty'), v('formerly_registered_poor', '原建档立卡', 'formerly registered as poor', ['建档立卡'])] },
  { key: 'monthly_income_per_capita', zh: '家庭人均月收入', en: 'household monthly income per head (yuan)', type: 'number', min: 0, group: 'assistance' },
  { key: 'impoverished_by_illness', zh: '因病致贫', en: 'impoverished by illness', type: BOOL, group: 'assistance' },

  // Disability
  { key: 'disability_certified', zh: '持第二代残疾人证', en: 'holds a second-generation disability certificate', type: BOOL, group: 'disability', aliases: ['持残疾人证'] },
  { key: 'disability_grade', zh: '残疾等级', en: 'disability grade', type: 'integer', min: 1, max: 4, group: 'disability' },
  { key: 'disability_categories', zh: '残疾类别', en: 'disability categories', type: 'set', group: 'disability', values: [v('visual', '视力', 'visual'), v('hearing', '听力', 'hearing'), v('speech', '言语', 'speech'), v('physical', '肢体', 'physical'), v('intellectual', '智力', 'intellectual'), v('mental', '精神', 'mental'), v('multiple', '多重', 'multiple')] },
  { key: 'autism', zh: '孤独症', en: 'autism', type: BOOL, group: 'disability' },
  { key: 'cerebral_palsy', zh: '脑瘫', en: 'cerebral palsy', type: BOOL, group: 'disability' },
  { key: 'rehab_need', zh: '有康复需求', en: 'needs rehabilitation', type: BOOL, group: 'disability' },
  { key: 'needs_cochlear_implant', zh: '申请人工耳蜗植入', en: 'applies for a cochlear implant', type: BOOL, group: 'disability' },
  { key: 'needs_orthopedic_surgery', zh: '申请肢体矫治手术', en: 'applies for orthopaedic surgery', type: BOOL, group: 'disability' },

  // Health
  { key: 'conditions', zh: '疾病', en: 'conditions', type: 'set', group: 'health', values: [v('hypertension', '原发性高血压', 'primary hypertension', [], ['高血压']), v('type2_diabetes', 'Ⅱ型糖尿病', 'type 2 diabetes', ['2型糖尿病'], ['糖尿病']), v('tuberculosis', '肺结核', 'pulmonary tuberculosis', [], ['结核病']), v('severe_mental_disorder', '严重精神障碍', 'severe mental disorder'), v('hiv', '艾滋病病毒感染', 'HIV infection', ['艾滋病']), v('endemic_disease', '地方病', 'endemic disease'), v('serious_illness', '重特大疾病', 'serious illness', ['重病'])] },
  { key: 'infectious_disease_role', zh: '传染病情形', en: 'infectious-disease situation', type: 'enum', group: 'health', values: [v('none', '无', 'none'), v('patient', '病人', 'patient'), v('suspected', '疑似病人', 'suspected patient'), v('close_contact', '密切接触者', 'close contact'), v('emergency_casualty', '突发事件伤病员', 'casualty of a public-health emergency')] },
  { key: 'hiv_high_risk_behavior', zh: '易感染艾滋病高危行为', en: 'behaviour at high risk of HIV', type: BOOL, group: 'health' },
  { key: 'emergency_unable_to_pay', zh: '急救身份不明或无力支付', en: 'emergency patient unidentified or unable to pay', type: BOOL, group: 'health' },

  // Military
  { key: 'military_status', zh: '军人身份', en: 'military status', type: 'enum', group: 'military', values: [v('none', '无', 'none'), v('active', '现役军人', 'active service member'), v('disabled_veteran', '残疾军人', 'disabled service member or veteran'), v('demobilized', '复员军人', 'demobilised soldier', undefined, ['退役军人']), v('discharged', '退伍军人', 'discharged soldier', undefined, ['退役军人']), v('retired_cadre', '离退休军人', 'retired military cadre', undefined, ['退役军人']), v('transferred_officer', '转业军官', 'officer transferred to civilian work', undefined, ['退役军人']), v('retired_soldier', '退役士兵', 'retired soldier', undefined, ['退役军人'])] },
  { key: 'government_placement_eligible', zh: '符合政府安置条件', en: 'meets the conditions for government placement', type: BOOL, group: 'military' },
  { key: 'military_family', zh: '军属烈属', en: 'military family', type: 'set', group: 'military', values: [v('martyr_survivor', '烈士遗属', "martyr's survivor"), v('duty_death_survivor', '因公牺牲军人遗属', 'survivor of a soldier who died on duty'), v('illness_death_survivor', '病故军人遗属', 'survivor of a soldier who died of illness'), v('active_duty_family', '现役军人家属', 'family of an active service member')] },

  // Housing and hardship
  { key: 'dangerous_house', zh: '居住危房', en: 'lives in a dangerous house', type: BOOL, group: 'housing' },
  { key: 'shantytown', zh: '棚户区居民', en: 'shanty-town resident', type: BOOL, group: 'housing' },
  { key: 'housing_difficulty', zh: '住房困难', en: 'housing difficulty', type: BOOL, group: 'housing' },
  { key: 'new_graduate_employed', zh: '新就业大学生', en: 'newly employed graduate', type: BOOL, group: 'housing' },
  { key: 'new_citizen', zh: '新市民', en: 'new citizen', type: BOOL, group: 'housing' },
  { key: 'rural_housing_aid_received', zh: '已享受农房政策', en: 'has received rural-housing aid', type: BOOL, group: 'housing' },
  { key: 'sudden_hardship', zh: '突发困难', en: 'sudden hardship', type: BOOL, group: 'housing' },
  { key: 'disaster_affected', zh: '受灾', en: 'affected by a natural disaster', type: BOOL, group: 'housing' },
  { key: 'legal_aid_need', zh: '需法律援助', en: 'needs legal aid', type: BOOL, group: 'housing' },

  // --- added for employment, health ---
  // 流动人员人事档案管理服务 (表5—1) names groups no other field expresses.
  { key: 'labor_relation_ended', zh: '与企事业单位解除或终止劳动（聘用）关系', en: 'labour or hiring contract with a company or institution ended', type: BOOL, group: 'work', aliases: ['解除或终止劳动关系'] },
  { key: 'graduate_type', zh: '毕业生类别', en: 'graduate of', type: 'enum', group: 'education', values: [v('college', '高校毕业生', 'college or university graduate', ['大学毕业生']), v('secondary_specialized', '中专毕业生', 'secondary specialised school graduate', ['中专']), v('none', '非高校或中专毕业生', 'neither')] },
  { key: 'private_overseas', zh: '自费出国留学或因私出国（境）', en: 'studying abroad at own expense or abroad for private reasons', type: BOOL, group: 'work', aliases: ['因私出国（境）人员'] },
  // --- end employment, health ---

  // --- added for elderly, assistance ---
  // 特困人员救助供养 (表9—1): the seed's definition of 特困人员 names three facts no other field expresses.
  { key: 'no_work_capacity', zh: '无劳动能力', en: 'has no capacity to work', type: BOOL, group: 'assistance', aliases: ['丧失劳动能力'] },
  { key: 'no_income_source', zh: '无生活来源', en: 'has no source of income', type: BOOL, group: 'assistance' },
  { key: 'no_legal_supporter', zh: '无法定赡养抚养扶养义务人或义务人无能力', en: 'no one legally bound and able to support them', type: BOOL, group: 'assistance', aliases: ['无法定义务人'] },
  // --- end elderly, assistance ---

  // --- added by review ---
  // 最低生活保障 (表9—1): the target names a second condition besides income, "符合当地最低生活保障家庭财产状况规定".
  { key: 'dibao_property_eligible', zh: '家庭财产符合低保规定', en: "household's property within the local dibao rules", type: BOOL, group: 'assistance', aliases: ['财产符合低保规定'] },
  // 退役军人就业创业服务 (表10—1): military_status "残疾军人" covers serving and discharged members; only the latter are 退役军人.
  { key: 'left_active_service', zh: '已退出现役', en: 'has left active service', type: BOOL, group: 'military', aliases: ['退出现役'] },
  // 退役军人安置 (表10—1) names 转业军官和退役士兵: a 残疾军人 who has left service left as one of these, or as 复员/离退休, which 军人身份 (one value) cannot also say.
  { key: 'discharged_as', zh: '退役时身份', en: 'left service as (for a disabled service member)', type: 'enum', group: 'military', aliases: ['退役类别', '退役方式'], values: [v('transferred_officer', '转业军官', 'officer transferred to civilian work', ['转业']), v('retired_soldier', '退役士兵', 'retired soldier', ['退伍军人', '退伍']), v('demobilized', '复员军人', 'demobilised soldier', ['复员']), v('retired_cadre', '离退休军人', 'retired military cadre', ['离退休', '退休']), v('none', '未退役', 'has not left service (or never served)', ['无', '未退出现役'])] },
  // 农村危房改造 (表8—1) names 农村分散供养特困人员 only: 特困 alone leaves open whether the person is cared for at home (分散) or in an institution (集中).
  { key: 'tekun_care', zh: '特困供养方式', en: 'how tekun support is given', type: 'enum', group: 'assistance', aliases: ['特困人员供养方式'], values: [v('centralised', '集中供养', 'in a care institution', ['集中', '集中供养特困', '集中供养特困人员', '机构供养', '敬老院', '养老院', '福利院']), v('dispersed', '分散供养', 'at home', ['分散', '居家', '居家供养', '分散供养特困', '分散供养特困人员']), v('none', '无', 'not tekun support', ['非特困', '不适用'])] },
  // --- end review ---

  // Household: given on a profile directly, or derived from the members in a batch.
  { key: 'household_id', zh: '户编号', en: 'household id', type: 'string', group: 'household', displayOnly: true, aliases: ['户号'] },
  { key: 'relationship', zh: '与户主关系', en: 'relationship to the head of household', type: 'enum', group: 'household', displayOnly: true, aliases: ['与户主的关系', '家庭成员关系', '户主关系'], values: [v('head', '户主', 'head', ['本人']), v('spouse', '配偶', 'spouse', ['妻', '夫', '妻子', '丈夫']), v('child', '子女', 'child', ['子', '女', '儿子', '女儿', '长子', '次子', '三子', '长女', '次女', '三女', '独生子', '独生女', '养子', '养女', '继子', '继女']), v('parent', '父母', 'parent', ['父亲', '母亲']), v('grandchild', '孙子女', 'grandchild', ['孙子', '孙女', '外孙子', '外孙女']), v('other', '其他', 'other', ['儿媳', '女婿', '兄弟姐妹', '祖父母', '外祖父母', '公公', '婆婆', '岳父', '岳母'])] },
  { key: 'household_assistance', zh: '家庭救助身份', en: "household's assistance status", type: 'set', group: 'household', household: true, values: [v('dibao', '低保', 'dibao household', ['低保家庭', '最低生活保障家庭', '低保户']), v('tekun', '特困供养', 'tekun household', ['特困户']), v('low_income', '低收入家庭', 'low-income household', ['低收入户'])] },
  { key: 'zero_employment_household', zh: '零就业家庭', en: 'zero-employment household', type: BOOL, group: 'household', household: true },
  { key: 'household_multiple_disabled', zh: '一户多残', en: 'several disabled members in the household', type: BOOL, group: 'household', household: true },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

/** Facts a rule may test: every field except the display-only ones. */
export const RULE_FACTS: readonly FieldDef[] = FIELDS.filter((f) => !f.displayOnly);

/**
 * Facts that are computed from others. A rule tests `age`, but the question a
 * caseworker asks to settle it is the birth date.
 */
export const ASK_INSTEAD: Readonly<Record<string, string>> = { age: 'birth_date' };
