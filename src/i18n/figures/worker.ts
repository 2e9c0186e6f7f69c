/**
 * What figures' workers say to the reader: progress lines, notices and errors. A worker
 * has no <html lang>, so it sends a key from src/i18n/worker-messages.ts (WORKER_KEYS)
 * with its params and the English text as a fallback; the page translates it
 * (src/i18n/worker-text.ts). Keys are shared by every figure's worker.
 */
export default {
  en: {
    // session-host.ts
    'worker.replaying': 'replaying training to epoch {epoch}',
    'worker.noSkipAhead': 'This figure has no pre-trained checkpoints to skip ahead to.',
    'worker.diverged':
      'Training diverged: the loss became NaN or infinite in epoch {epoch}. The learning rate {rate} is probably too large for this model; reset and try a smaller one (for example {smaller}).',
    // MNIST and checkpoints (src/worker/*.worker.ts, src/figures/*/session.ts)
    'worker.downloadingMnist': 'downloading MNIST ({received} of {total} MB)',
    'worker.mnistFailed': 'Could not load the MNIST digits: {reason}',
    'worker.loadingCheckpoint': 'loading the epoch-{epoch} checkpoint',
    'worker.noCheckpoint': 'There is no pre-trained {model} checkpoint for epoch {epoch}.',
    'worker.noCheckpointSeed': 'There is no pre-trained checkpoint for seed {seed}, epoch {epoch}.',
    'worker.noWeights':
      'There are no pre-trained weights for the {model} with seed {seed} at epoch {epoch}. Pre-trained checkpoints exist for the fast CNN with seed 1.',
    'worker.checkpointFailed': 'Could not load the pre-trained checkpoint: {reason}',
    // src/tf/load-tf.ts, choose-backend.ts
    'worker.noBackend': 'No TensorFlow.js backend could start in this browser.',
    'worker.backendNotStarted': 'The {backend} backend could not start; trying the next one.',
    'worker.backendFailed': 'The {backend} backend failed to start ({reason}).',
    'worker.unknownBackend': 'Unknown backend "{requested}" in the link; choose cpu, wasm, webgl or webgpu. Using {backend}.',
    'worker.backendUnavailable': '{requested} is not available in this browser; using {backend} instead.',
    'worker.reason.link': 'chosen in the link (?backend=)',
    'worker.reason.tiny': 'tiny model: the CPU beats GPU dispatch overhead',
    'worker.reason.webgpu': 'hardware WebGPU',
    'worker.reason.softwareWebgpu': 'software WebGPU, no WebGL',
    'worker.reason.webgl': 'WebGL (GPU)',
    'worker.reason.cpu': 'no GPU backend: the CPU',
    'worker.reason.fallback': 'fallback after {backend} failed to start',
    // src/figures/evaluation/session.ts
    'worker.done': 'done',
    'worker.eval.explaining': 'explaining digit {digit} of {count} with {methods} methods',
    'worker.eval.curves': 'deletion and insertion curves, digit {digit} of {count}',
    'worker.eval.randomising': 'randomisation check: {method}, re-initialising layers from the top',
    'worker.eval.comparing': 'comparing with seed {seed}, epoch {epoch}',
  },
  'zh-CN': {
    'worker.replaying': '正在重放训练，直到第 {epoch} 轮',
    'worker.noSkipAhead': '此图没有可供跳转的预训练检查点。',
    'worker.diverged':
      '训练发散：第 {epoch} 轮中损失变成了 NaN 或无穷大。学习率 {rate} 对这个模型多半太大了；请重置，并换一个更小的学习率（例如 {smaller}）。',
    'worker.downloadingMnist': '正在下载 MNIST 数据（{received} / {total} MB）',
    'worker.mnistFailed': '无法加载 MNIST 数字数据：{reason}',
    'worker.loadingCheckpoint': '正在加载第 {epoch} 轮的检查点',
    'worker.noCheckpoint': '没有 {model} 在第 {epoch} 轮的预训练检查点。',
    'worker.noCheckpointSeed': '没有随机种子 {seed}、第 {epoch} 轮的预训练检查点。',
    'worker.noWeights': '没有 {model} 在随机种子 {seed}、第 {epoch} 轮的预训练权重。只有随机种子为 1 的快速 CNN 才有预训练检查点。',
    'worker.checkpointFailed': '无法加载预训练检查点：{reason}',
    'worker.noBackend': '此浏览器中没有任何 TensorFlow.js 后端能够启动。',
    'worker.backendNotStarted': '{backend} 后端无法启动；正在尝试下一个。',
    'worker.backendFailed': '{backend} 后端启动失败（{reason}）。',
    'worker.unknownBackend': '链接中的后端“{requested}”无法识别；可选 cpu、wasm、webgl 或 webgpu。改用 {backend}。',
    'worker.backendUnavailable': '此浏览器不支持 {requested}；改用 {backend}。',
    'worker.reason.link': '由链接指定（?backend=）',
    'worker.reason.tiny': '模型很小：CPU 比 GPU 的调度开销更划算',
    'worker.reason.webgpu': '硬件 WebGPU',
    'worker.reason.softwareWebgpu': '软件 WebGPU，无 WebGL',
    'worker.reason.webgl': 'WebGL（GPU）',
    'worker.reason.cpu': '没有 GPU 后端：使用 CPU',
    'worker.reason.fallback': '{backend} 启动失败后的备选',
    'worker.done': '完成',
    'worker.eval.explaining': '正在解释第 {digit} / {count} 个数字，共 {methods} 种方法',
    'worker.eval.curves': '删除 / 插入曲线，第 {digit} / {count} 个数字',
    'worker.eval.randomising': '合理性检验（随机化）：{method}，自顶层起逐层重新初始化',
    'worker.eval.comparing': '正在与随机种子 {seed}、第 {epoch} 轮比较',
  },
};
