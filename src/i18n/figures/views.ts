/**
 * The shared views' own words (components/views/*): the words a view adds by itself
 * to what its caller passes (table corner, legend tooltip, default axis label,
 * tooltips of cells and bars, text alternatives of canvases, the importance key).
 */
export default {
  en: {
    'views.row': 'row',
    'views.epoch': 'epoch',
    'views.signedLegend': 'purple: negative, white: zero, orange: positive',
    'views.cell': '{row}, step {step}: {value}',
    'views.cellToken': '{row}, step {step} ({token}): {value}',
    'views.stepBar': 'step {step} ({token}): {value}',
    'views.stepBarAnswer': 'step {step} ({token}): {value}, the known answer step',
    'views.unitHeatmap': '{label}: {units} units (rows) over {steps} time steps (columns); the numbers are in the tables below',
    'views.informative': 'informative ★ ({features})',
    'views.noise': 'noise',
    'views.repeat': 'one permutation repeat; line: min–max',
  },
  'zh-CN': {
    'views.row': '行',
    'views.epoch': '轮次',
    'views.signedLegend': '紫色：负值；白色：零；橙色：正值',
    'views.cell': '{row}，第 {step} 步：{value}',
    'views.cellToken': '{row}，第 {step} 步（{token}）：{value}',
    'views.stepBar': '第 {step} 步（{token}）：{value}',
    'views.stepBarAnswer': '第 {step} 步（{token}）：{value}，已知的答案步',
    'views.unitHeatmap': '{label}：{units} 个单元（行）× {steps} 个时间步（列）；具体数值见下方表格',
    'views.informative': '有信息量的特征 ★（{features}）',
    'views.noise': '噪声特征',
    'views.repeat': '一次置换重复；横线：最小值–最大值',
  },
};
