/** Longchang's towns and streets since the 2019–2020 merger (reference.md). */
export const CURRENT_TOWNSHIPS = [
  '古湖街道', '金鹅街道', '响石镇', '圣灯镇', '黄家镇', '双凤镇', '龙市镇', '界市镇', '石碾镇', '石燕桥镇', '胡家镇', '云顶镇', '普润镇',
];
/** Merged away before the plan: still accepted, with a warning. */
export const MERGED_TOWNSHIPS = ['山川镇', '迎祥镇', '周兴镇', '渔箭镇', '李市镇', '桂花井镇'];
