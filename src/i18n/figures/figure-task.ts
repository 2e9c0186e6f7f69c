/** Strings of the self-checking exercises driven by a live figure (components/FigureTask.astro). */
export default {
  en: {
    'task.label': 'Try it in the figure:',
    'task.notYet': 'Not yet',
    'task.done': '✓ Done',
    'task.waiting': 'Not yet: the figure above has not started.',
    'task.watching': 'Not yet: work with the figure; this ticks itself when the goal is reached.',
    'task.missing': 'This exercise watches figure “{figure}”, which is not on this page.',
  },
  'zh-CN': {
    'task.label': '在图中动手试试：',
    'task.notYet': '尚未完成',
    'task.done': '✓ 完成',
    'task.waiting': '尚未完成：上面的图还没有启动。',
    'task.watching': '尚未完成：请操作上面的图；达到目标时这里会自动打勾。',
    'task.missing': '本练习观察的图“{figure}”不在本页上。',
  },
};
