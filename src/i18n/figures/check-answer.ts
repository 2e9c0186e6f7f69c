/** Strings of the exercises' self-check questions: components/CheckAnswer.astro. */
export default {
  en: {
    'check.check': 'Check',
    'check.pickFirst': 'Pick an answer first.',
    'check.right': 'Right. {why}',
    'check.wrong': 'Not quite — look again at the figure and try another answer.',
  },
  'zh-CN': {
    'check.check': '检查答案',
    'check.pickFirst': '请先选择一个答案。',
    'check.right': '正确。{why}',
    'check.wrong': '还不对。请再看看图和推导，换一个答案试试。',
  },
};
