/**
 * Strings every live figure may show when something outside it fails: the GPU taking
 * the WebGL context away (components/figures/live-figure.ts and the figures with their
 * own controller, via src/worker/session-host.ts's 'contextLost' message).
 */
export default {
  en: {
    'live.contextLost':
      'The browser took away the GPU (the {lost} context was lost), so this figure restarted on the {fallback} backend from the same settings; training continues where it was, only slower.',
  },
  'zh-CN': {
    'live.contextLost': '浏览器收回了 GPU（{lost} 上下文已丢失），本图已按相同设置在 {fallback} 后端上重新启动；训练从原处继续，只是会慢一些。',
  },
};
