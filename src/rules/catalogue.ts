/**
 * The catalogue contract (spec/catalogue.md): the 78 item ids in their 9
 * domains, in catalogue order. These ids are public: JSON output, batch column
 * names and outside tests use them. `validate` checks rule files against this.
 */

export interface CatalogueDomain {
  id: string;
  zh: string;
  /** English names, for --lang en (the Chinese names are the contract). */
  en: string;
  table: string;
  items: readonly { id: string; name: string; en: string }[];
}

export const CATALOGUE: readonly CatalogueDomain[] = [
  {
    id: 'childcare',
    en: 'Childcare and early years',
    zh: '幼有所育',
    table: '表3—1',
    items: [
      { id: 'prepregnancy-checkup', name: '免费孕前优生健康检查', en: "Free pre-pregnancy health check" },
      { id: 'maternal-health', name: '孕产妇健康服务', en: "Maternal health services" },
      { id: 'contraception', name: '基本避孕服务', en: "Basic contraception services" },
      { id: 'maternity-insurance', name: '生育保险', en: "Maternity insurance" },
      { id: 'immunization', name: '预防接种', en: "Immunisation" },
      { id: 'child-health', name: '儿童健康管理', en: "Child health management" },
      { id: 'special-children-living', name: '特殊儿童群体基本生活保障', en: "Basic living support for children in special groups" },
      { id: 'children-in-difficulty', name: '困境儿童保障', en: "Protection of children in difficulty" },
      { id: 'left-behind-children', name: '农村留守儿童关爱保护', en: "Care and protection of rural left-behind children" },
    ],
  },
  {
    id: 'education',
    en: 'Education',
    zh: '学有所教',
    table: '表4—1',
    items: [
      { id: 'preschool-aid', name: '学前教育幼儿资助', en: "Preschool financial aid" },
      { id: 'compulsory-fee-waiver', name: '义务教育阶段免除学杂费', en: "Compulsory education fee waiver" },
      { id: 'compulsory-free-textbooks', name: '义务教育免费提供教科书', en: "Free textbooks in compulsory education" },
      { id: 'compulsory-free-workbooks', name: '义务教育免费提供作业本', en: "Free workbooks in compulsory education" },
      { id: 'compulsory-living-allowance', name: '义务教育家庭经济困难学生生活补助', en: "Living allowance for compulsory-education pupils in financial difficulty" },
      { id: 'highschool-grant', name: '普通高中国家助学金', en: "National grant for general senior secondary school" },
      { id: 'highschool-fee-waiver', name: '普通高中免学杂费', en: "General senior secondary school fee waiver" },
      { id: 'vocational-grant', name: '中等职业教育国家助学金', en: "National grant for secondary vocational education" },
      { id: 'vocational-tuition-waiver', name: '中等职业教育免除学费', en: "Secondary vocational tuition waiver" },
    ],
  },
  {
    id: 'employment',
    en: 'Work and employment',
    zh: '劳有所得',
    table: '表5—1',
    items: [
      { id: 'employment-info', name: '就业信息服务', en: "Employment information services" },
      { id: 'career-guidance', name: '职业介绍及职业指导和创业开业指导', en: "Job placement, career guidance and start-up guidance" },
      { id: 'employment-registration', name: '就业登记与失业登记', en: "Employment and unemployment registration" },
      { id: 'personnel-files', name: '流动人员人事档案管理服务', en: "Personnel file management for mobile workers" },
      { id: 'internship', name: '就业见习服务', en: "Employment internships" },
      { id: 'employment-assistance', name: '就业援助', en: "Employment assistance" },
      { id: 'skills-training', name: '职业技能提升培训', en: "Vocational skills training" },
      { id: 'hotline-12333', name: '“12333”人力资源和社会保障电话服务', en: "\"12333\" human resources and social security hotline" },
      { id: 'labor-relations', name: '劳动关系协调', en: "Labour relations coordination" },
      { id: 'labor-protection', name: '劳动用工保障', en: "Labour and employment protection" },
      { id: 'unemployment-insurance', name: '失业保险', en: "Unemployment insurance" },
      { id: 'work-injury-insurance', name: '工伤保险', en: "Work-injury insurance" },
    ],
  },
  {
    id: 'health',
    en: 'Health care',
    zh: '病有所医',
    table: '表6—1',
    items: [
      { id: 'health-records', name: '建立居民健康档案', en: "Resident health records" },
      { id: 'health-education', name: '健康教育与健康素养促进', en: "Health education and health literacy" },
      { id: 'infectious-disease-response', name: '传染病及突发公共卫生事件报告和处理', en: "Infectious disease and public-health emergency reporting and response" },
      { id: 'health-supervision', name: '卫生监督协管服务', en: "Health supervision assistance" },
      { id: 'chronic-disease-management', name: '慢性病患者健康管理', en: "Chronic disease management" },
      { id: 'endemic-disease-management', name: '地方病患者健康管理', en: "Endemic disease management" },
      { id: 'severe-mental-disorder-management', name: '严重精神障碍患者健康管理', en: "Severe mental disorder management" },
      { id: 'tuberculosis-management', name: '结核病患者健康管理', en: "Tuberculosis patient management" },
      { id: 'hiv-followup', name: '艾滋病病毒感染者和病人随访管理', en: "HIV follow-up management" },
      { id: 'hiv-high-risk-intervention', name: '社区易感染艾滋病高危行为人群干预', en: "Community intervention for groups at high risk of HIV" },
      { id: 'essential-medicines', name: '基本药物供应保障服务', en: "Essential medicines supply" },
      { id: 'food-drug-safety', name: '食品药品安全保障', en: "Food and drug safety" },
      { id: 'employee-medical-insurance', name: '职工基本医疗保险', en: "Employees\' basic medical insurance" },
      { id: 'resident-medical-insurance', name: '城乡居民基本医疗保险', en: "Urban and rural residents\' basic medical insurance" },
      { id: 'family-planning-reward', name: '农村符合条件的计划生育家庭奖励扶助', en: "Reward and support for qualifying rural family-planning households" },
      { id: 'family-planning-special-support', name: '计划生育家庭特别扶助', en: "Special support for family-planning households" },
      { id: 'family-planning-nursing-subsidy', name: '计划生育特殊家庭住院护理保险补贴', en: "Hospital nursing insurance subsidy for special family-planning households" },
    ],
  },
  {
    id: 'elderly',
    en: 'Old age',
    zh: '老有所养',
    table: '表7—1',
    items: [
      { id: 'elderly-health-management', name: '老年人健康管理', en: "Health management for older people" },
      { id: 'elderly-welfare-allowance', name: '老年人福利补贴', en: "Welfare allowance for older people" },
      { id: 'employee-pension', name: '职工基本养老保险', en: "Employees\' basic pension insurance" },
      { id: 'resident-pension', name: '城乡居民基本养老保险', en: "Urban and rural residents\' basic pension insurance" },
    ],
  },
  {
    id: 'housing',
    en: 'Housing',
    zh: '住有所居',
    table: '表8—1',
    items: [
      { id: 'public-rental-housing', name: '公租房保障', en: "Public rental housing" },
      { id: 'shantytown-renovation', name: '城镇棚户区住房改造', en: "Urban shanty-town renovation" },
      { id: 'rural-dangerous-house-renovation', name: '农村危房改造', en: "Rural dangerous-house renovation" },
    ],
  },
  {
    id: 'assistance',
    en: 'Help for the vulnerable',
    zh: '弱有所扶',
    table: '表9—1',
    items: [
      { id: 'dibao', name: '最低生活保障', en: "Minimum living guarantee (dibao)" },
      { id: 'tekun-support', name: '特困人员救助供养', en: "Support for people in extreme poverty (tekun)" },
      { id: 'medical-assistance', name: '医疗救助', en: "Medical assistance" },
      { id: 'temporary-assistance', name: '临时救助', en: "Temporary assistance" },
      { id: 'disaster-relief', name: '受灾人员救助', en: "Relief for disaster victims" },
      { id: 'legal-aid', name: '法律援助', en: "Legal aid" },
      { id: 'disability-subsidies', name: '困难残疾人生活补贴和重度残疾人护理补贴', en: "Living subsidy for disabled people in difficulty and nursing subsidy for the severely disabled" },
      { id: 'disability-day-care', name: '残疾人托养服务', en: "Day and residential care for disabled people" },
      { id: 'disability-rehabilitation', name: '残疾人康复服务', en: "Rehabilitation services for disabled people" },
      { id: 'disability-education', name: '残疾儿童及青少年教育', en: "Education for disabled children and youth" },
      { id: 'disability-employment', name: '残疾人职业培训和就业服务', en: "Vocational training and employment services for disabled people" },
      { id: 'disability-culture-sports', name: '残疾人文化体育服务', en: "Culture and sports services for disabled people" },
      { id: 'accessibility', name: '残疾人和老年人无障碍环境建设', en: "Barrier-free environments for disabled and older people" },
    ],
  },
  {
    id: 'military',
    en: 'Services for service members and veterans',
    zh: '优军服务',
    table: '表10—1',
    items: [
      { id: 'preferential-care', name: '优待抚恤', en: "Preferential treatment and pensions" },
      { id: 'veteran-placement', name: '退役军人安置', en: "Veteran placement" },
      { id: 'veteran-employment', name: '退役军人就业创业服务', en: "Employment and start-up services for veterans" },
    ],
  },
  {
    id: 'culture_sports',
    en: 'Culture and sports',
    zh: '文体服务',
    table: '表11—1',
    items: [
      { id: 'free-cultural-facilities', name: '公共文化设施免费开放', en: "Free public cultural facilities" },
      { id: 'rural-culture-delivery', name: '送文化下乡', en: "Culture delivered to the countryside" },
      { id: 'radio', name: '收听广播', en: "Radio" },
      { id: 'television', name: '观看电视', en: "Television" },
      { id: 'film', name: '观赏电影', en: "Film screenings" },
      { id: 'reading', name: '读书看报', en: "Books and newspapers" },
      { id: 'public-sports-facilities', name: '公共体育设施开放', en: "Open public sports facilities" },
      { id: 'fitness-services', name: '全民健身服务', en: "National fitness services" },
    ],
  },
];

const EN_ITEM = new Map(CATALOGUE.flatMap((d) => d.items.map((i) => [i.id, i.en] as const)));
const EN_DOMAIN = new Map(CATALOGUE.map((d) => [d.id, d.en] as const));

/** An item's or a domain's name in the output language (the Chinese name is the fallback). */
export function displayName(id: string, zhName: string, lang: 'zh' | 'en'): string {
  return lang === 'en' ? (EN_ITEM.get(id) ?? EN_DOMAIN.get(id) ?? zhName) : zhName;
}
