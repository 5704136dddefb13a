/**
 * The catalogue contract (spec/catalogue.md): the 78 item ids in their 9
 * domains, in catalogue order. These ids are public: JSON output, batch column
 * names and outside tests use them. `validate` checks rule files against this.
 */

export interface CatalogueDomain {
  id: string;
  zh: string;
  table: string;
  items: readonly { id: string; name: string }[];
}

export const CATALOGUE: readonly CatalogueDomain[] = [
  {
    id: 'childcare',
    zh: '幼有所育',
    table: '表3—1',
    items: [
      { id: 'prepregnancy-checkup', name: '免费孕前优生健康检查' },
      { id: 'maternal-health', name: '孕产妇健康服务' },
      { id: 'contraception', name: '基本避孕服务' },
      { id: 'maternity-insurance', name: '生育保险' },
      { id: 'immunization', name: '预防接种' },
      { id: 'child-health', name: '儿童健康管理' },
      { id: 'special-children-living', name: '特殊儿童群体基本生活保障' },
      { id: 'children-in-difficulty', name: '困境儿童保障' },
      { id: 'left-behind-children', name: '农村留守儿童关爱保护' },
    ],
  },
  {
    id: 'education',
    zh: '学有所教',
    table: '表4—1',
    items: [
      { id: 'preschool-aid', name: '学前教育幼儿资助' },
      { id: 'compulsory-fee-waiver', name: '义务教育阶段免除学杂费' },
      { id: 'compulsory-free-textbooks', name: '义务教育免费提供教科书' },
      { id: 'compulsory-free-workbooks', name: '义务教育免费提供作业本' },
      { id: 'compulsory-living-allowance', name: '义务教育家庭经济困难学生生活补助' },
      { id: 'highschool-grant', name: '普通高中国家助学金' },
      { id: 'highschool-fee-waiver', name: '普通高中免学杂费' },
      { id: 'vocational-grant', name: '中等职业教育国家助学金' },
      { id: 'vocational-tuition-waiver', name: '中等职业教育免除学费' },
    ],
  },
  {
    id: 'employment',
    zh: '劳有所得',
    table: '表5—1',
    items: [
      { id: 'employment-info', name: '就业信息服务' },
      { id: 'career-guidance', name: '职业介绍及职业指导和创业开业指导' },
      { id: 'employment-registration', name: '就业登记与失业登记' },
      { id: 'personnel-files', name: '流动人员人事档案管理服务' },
      { id: 'internship', name: '就业见习服务' },
      { id: 'employment-assistance', name: '就业援助' },
      { id: 'skills-training', name: '职业技能提升培训' },
      { id: 'hotline-12333', name: '“12333”人力资源和社会保障电话服务' },
      { id: 'labor-relations', name: '劳动关系协调' },
      { id: 'labor-protection', name: '劳动用工保障' },
      { id: 'unemployment-insurance', name: '失业保险' },
      { id: 'work-injury-insurance', name: '工伤保险' },
    ],
  },
  {
    id: 'health',
    zh: '病有所医',
    table: '表6—1',
    items: [
      { id: 'health-records', name: '建立居民健康档案' },
      { id: 'health-education', name: '健康教育与健康素养促进' },
      { id: 'infectious-disease-response', name: '传染病及突发公共卫生事件报告和处理' },
      { id: 'health-supervision', name: '卫生监督协管服务' },
      { id: 'chronic-disease-management', name: '慢性病患者健康管理' },
      { id: 'endemic-disease-management', name: '地方病患者健康管理' },
      { id: 'severe-mental-disorder-management', name: '严重精神障碍患者健康管理' },
      { id: 'tuberculosis-management', name: '结核病患者健康管理' },
      { id: 'hiv-followup', name: '艾滋病病毒感染者和病人随访管理' },
      { id: 'hiv-high-risk-intervention', name: '社区易感染艾滋病高危行为人群干预' },
      { id: 'essential-medicines', name: '基本药物供应保障服务' },
      { id: 'food-drug-safety', name: '食品药品安全保障' },
      { id: 'employee-medical-insurance', name: '职工基本医疗保险' },
      { id: 'resident-medical-insurance', name: '城乡居民基本医疗保险' },
      { id: 'family-planning-reward', name: '农村符合条件的计划生育家庭奖励扶助' },
      { id: 'family-planning-special-support', name: '计划生育家庭特别扶助' },
      { id: 'family-planning-nursing-subsidy', name: '计划生育特殊家庭住院护理保险补贴' },
    ],
  },
  {
    id: 'elderly',
    zh: '老有所养',
    table: '表7—1',
    items: [
      { id: 'elderly-health-management', name: '老年人健康管理' },
      { id: 'elderly-welfare-allowance', name: '老年人福利补贴' },
      { id: 'employee-pension', name: '职工基本养老保险' },
      { id: 'resident-pension', name: '城乡居民基本养老保险' },
    ],
  },
  {
    id: 'housing',
    zh: '住有所居',
    table: '表8—1',
    items: [
      { id: 'public-rental-housing', name: '公租房保障' },
      { id: 'shantytown-renovation', name: '城镇棚户区住房改造' },
      { id: 'rural-dangerous-house-renovation', name: '农村危房改造' },
    ],
  },
  {
    id: 'assistance',
    zh: '弱有所扶',
    table: '表9—1',
    items: [
      { id: 'dibao', name: '最低生活保障' },
      { id: 'tekun-support', name: '特困人员救助供养' },
      { id: 'medical-assistance', name: '医疗救助' },
      { id: 'temporary-assistance', name: '临时救助' },
      { id: 'disaster-relief', name: '受灾人员救助' },
      { id: 'legal-aid', name: '法律援助' },
      { id: 'disability-subsidies', name: '困难残疾人生活补贴和重度残疾人护理补贴' },
      { id: 'disability-day-care', name: '残疾人托养服务' },
      { id: 'disability-rehabilitation', name: '残疾人康复服务' },
      { id: 'disability-education', name: '残疾儿童及青少年教育' },
      { id: 'disability-employment', name: '残疾人职业培训和就业服务' },
      { id: 'disability-culture-sports', name: '残疾人文化体育服务' },
      { id: 'accessibility', name: '残疾人和老年人无障碍环境建设' },
    ],
  },
  {
    id: 'military',
    zh: '优军服务',
    table: '表10—1',
    items: [
      { id: 'preferential-care', name: '优待抚恤' },
      { id: 'veteran-placement', name: '退役军人安置' },
      { id: 'veteran-employment', name: '退役军人就业创业服务' },
    ],
  },
  {
    id: 'culture_sports',
    zh: '文体服务',
    table: '表11—1',
    items: [
      { id: 'free-cultural-facilities', name: '公共文化设施免费开放' },
      { id: 'rural-culture-delivery', name: '送文化下乡' },
      { id: 'radio', name: '收听广播' },
      { id: 'television', name: '观看电视' },
      { id: 'film', name: '观赏电影' },
      { id: 'reading', name: '读书看报' },
      { id: 'public-sports-facilities', name: '公共体育设施开放' },
      { id: 'fitness-services', name: '全民健身服务' },
    ],
  },
];

export const CATALOGUE_ITEM_COUNT = CATALOGUE.reduce((n, d) => n + d.items.length, 0);
