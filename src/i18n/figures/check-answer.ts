/** Strings of components/CheckAnswer.astro, the self-check questions in the chapters' exercises. */
export default {
  en: {
    'check.button': 'Check',
    'check.pickFirst': 'Pick an answer first.',
    'check.right': 'Right.',
    'check.wrong': 'Not quite — look again at the figure and try another answer.',
  },
  'zh-CN': {
    'check.button': '检查答案',
    'check.pickFirst': '请先选择一个答案。',
    'check.right': '正确。',
    'check.wrong': '还不对。请再看看图和推导，换一个答案试试。',
  },
};
