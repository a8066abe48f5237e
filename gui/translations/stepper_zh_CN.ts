<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave stopped: cannot write %1 (%2)</source>
        <translation>自动保存已停止：无法写入 %1（%2）</translation>
    </message>
    <message>
        <source>Restore session?</source>
        <translation>恢复会话？</translation>
    </message>
    <message>
        <source>backprop stepper did not close normally last time. Restore the session it was working on, with its optimizer state?</source>
        <translation>backprop stepper 上次没有正常关闭。要恢复当时的会话（包括优化器状态）吗？</translation>
    </message>
    <message>
        <source>Cannot restore session</source>
        <translation>无法恢复会话</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>ChainRuleView</name>
    <message>
        <source>All of dL/dW at once: the outer product δ xᵀ</source>
        <translation>一次求出整个 dL/dW：外积 δ xᵀ</translation>
    </message>
    <message>
        <source>δ = ∂L/∂a ⊙ ∂a/∂z, one per output;
row i of dL/dW is δᵢ times xᵀ</source>
        <translation>δ = ∂L/∂a ⊙ ∂a/∂z，每个输出一个；
dL/dW 的第 i 行是 δᵢ 乘以 xᵀ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chain rule for %1&lt;/b&gt; — click a cell of W or of a gradient to choose another</source>
        <translation>&lt;b&gt;%1 的链式法则&lt;/b&gt;——点击 W 或梯度表中的单元格可换一个权重</translation>
    </message>
    <message>
        <source>the same as the gradient grid&apos;s %1 = %2</source>
        <translation>与梯度表中的 %1 = %2 相同</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Loss history (CSV)…</source>
        <translation>损失历史（CSV）…</translation>
    </message>
    <message>
        <source>Loss plot (PNG)…</source>
        <translation>损失曲线图（PNG）…</translation>
    </message>
    <message>
        <source>Current state (Markdown)…</source>
        <translation>当前状态（Markdown）…</translation>
    </message>
    <message>
        <source>Current state (LaTeX)…</source>
        <translation>当前状态（LaTeX）…</translation>
    </message>
    <message>
        <source>Python script (numpy + torch)…</source>
        <translation>Python 脚本（numpy + torch）…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>dL/dW: three witnesses</source>
        <translation>dL/dW：三种算法互相印证</translation>
    </message>
    <message>
        <source>by hand: outer(δ, x)</source>
        <translation>手算：outer(δ, x)</translation>
    </message>
    <message>
        <source>by torch autograd</source>
        <translation>torch 自动求导</translation>
    </message>
    <message>
        <source>by central differences</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>Gradient by hand</source>
        <translation>手算的梯度</translation>
    </message>
    <message>
        <source>Gradient by autograd</source>
        <translation>自动求导的梯度</translation>
    </message>
    <message>
        <source>Gradient by finite differences</source>
        <translation>有限差分的梯度</translation>
    </message>
    <message>
        <source>hand vs autograd</source>
        <translation>手算 vs 自动求导</translation>
    </message>
    <message>
        <source>hand vs autograd: &lt;i&gt;torch is loading…&lt;/i&gt;</source>
        <translation>手算 vs 自动求导：&lt;i&gt;torch 正在加载…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>hand vs differences</source>
        <translation>手算 vs 差分</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>%1: max |Δ| %2, relative %3 (tolerance %4 × max|g| + %5)</source>
        <translation>%1：最大 |Δ| %2，相对误差 %3（容差 %4 × max|g| + %5）</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>forward values on the nodes, gradients ∂L/∂· on the arrows (red), flowing back</source>
        <translation>节点上是前向值，箭头上（红色）是反向流动的梯度 ∂L/∂·</translation>
    </message>
    <message>
        <source>max |·| %1</source>
        <translation>最大 |·| %1</translation>
    </message>
</context>
<context>
    <name>LandscapePlot</name>
    <message>
        <source>Loss landscape over two weights</source>
        <translation>两个权重上的损失地形</translation>
    </message>
    <message>
        <source>Loss over</source>
        <translation>损失随</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>The weights are not finite, so there is no loss around them to draw. Undo to the last finite state to see the landscape again.</source>
        <translation>权重不是有限数，因此其周围没有可绘制的损失。撤销到最后一个有限状态即可再次看到损失地形。</translation>
    </message>
    <message>
        <source>The other weights stay at their current values. Blue: by hand; red dashes: torch; green dots and triangle: the optimizer that forgets its state; square: where the path starts.</source>
        <translation>其余权重保持当前值。蓝色：手算；红色虚线：torch；绿色点线和三角形：遗忘状态的优化器；方块：路径起点。</translation>
    </message>
    <message>
        <source>The other weights stay at their current values. Blue: by hand; red dashes: torch; square: where the path starts.</source>
        <translation>其余权重保持当前值。蓝色：手算；红色虚线：torch；方块：路径起点。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss per step</source>
        <translation>每一步的损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>forgets its state</source>
        <translation>遗忘状态的优化器</translation>
    </message>
    <message>
        <source>by hand (numpy)</source>
        <translation>手算（numpy）</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep all steps in view; zooming or panning by hand turns this off</source>
        <translation>始终显示全部步数；手动缩放或平移会关闭此项</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Steps to run</source>
        <translation>要运行的步数</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Steps to run: a whole number from 1 to %1</source>
        <translation>运行步数：1 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>每秒 %1 步</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>Seed: a whole number from 0 to %1</source>
        <translation>随机种子：0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Both trajectories</source>
        <translation>两条轨迹</translation>
    </message>
    <message>
        <source>Chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Loading torch… the hand-written side is ready to edit.</source>
        <translation>正在加载 torch… 手写部分已经可以编辑。</translation>
    </message>
    <message>
        <source>→ and ← move between cells while a table has the keyboard; click beside the tables (or press PageDown / PageUp, as a presentation clicker does) to step and undo from anywhere.</source>
        <translation>当表格获得键盘焦点时，→ 和 ← 在单元格之间移动；点击表格旁边的空白处（或像翻页笔那样按 PageDown / PageUp），即可在任何地方单步和撤销。</translation>
    </message>
    <message>
        <source>About backprop stepper</source>
        <translation>关于 backprop stepper</translation>
    </message>
    <message>
        <source>&lt;b&gt;backprop stepper&lt;/b&gt;&lt;br&gt;dL/dW by the chain rule in numpy, by torch autograd and by central differences, side by side; each step by a hand-written optimizer and by torch.optim.</source>
        <translation>&lt;b&gt;backprop stepper&lt;/b&gt;&lt;br&gt;用 numpy 链式法则、torch 自动求导和中心差分并排计算 dL/dW；每一步分别由手写优化器和 torch.optim 执行。</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>Press Step for the forward pass.</source>
        <translation>按“单步”进行前向传播。</translation>
    </message>
    <message>
        <source>Forward: z = W·x, a = f(z), and L = mean((a − y)²) = %1. Next, Step runs the backward pass.</source>
        <translation>前向：z = W·x，a = f(z)，L = mean((a − y)²) = %1。下一次“单步”进行反向传播。</translation>
    </message>
    <message>
        <source>Backward: the chain rule gives dL/dW = δ xᵀ; torch autograd and central differences give the same. Next, Step updates W.</source>
        <translation>反向：链式法则给出 dL/dW = δ xᵀ；torch 自动求导和中心差分得到相同结果。下一次“单步”更新 W。</translation>
    </message>
    <message>
        <source>Update: the hand-written %1 and torch.optim.%1 each moved W, now at step %2. Next, Step runs the forward pass at the new W.</source>
        <translation>更新：手写 %1 和 torch.optim.%1 各自更新了 W，现在是第 %2 步。下一次“单步”在新的 W 上做前向传播。</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>torch is ready.</source>
        <translation>torch 已就绪。</translation>
    </message>
    <message>
        <source>Stepping stopped: %1. The last finite state is one Undo away.</source>
        <translation>训练已停止：%1。撤销一次即可回到最后一个有限值的状态。</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Network  a = f(W · x),  L = mean((a − y)²)</source>
        <translation>网络  a = f(W · x)，  L = mean((a − y)²)</translation>
    </message>
    <message>
        <source>W (edit)</source>
        <translation>W（可编辑）</translation>
    </message>
    <message>
        <source>x (edit)</source>
        <translation>x（可编辑）</translation>
    </message>
    <message>
        <source>target y (edit)</source>
        <translation>目标 y（可编辑）</translation>
    </message>
    <message>
        <source>forward pass by hand</source>
        <translation>手算前向传播</translation>
    </message>
    <message>
        <source>Weight matrix W</source>
        <translation>权重矩阵 W</translation>
    </message>
    <message>
        <source>Input vector x</source>
        <translation>输入向量 x</translation>
    </message>
    <message>
        <source>Target vector y</source>
        <translation>目标向量 y</translation>
    </message>
    <message>
        <source>Forward values by hand</source>
        <translation>手算的前向值</translation>
    </message>
    <message>
        <source>saturated: f′(z) &lt; 0.001, this unit barely learns</source>
        <translation>饱和：f′(z) &lt; 0.001，这个单元几乎学不动</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>by torch (|Δ| %1)</source>
        <translation>torch 计算（|Δ| %1）</translation>
    </message>
    <message>
        <source>torch is loading…</source>
        <translation>torch 正在加载…</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手算</translation>
    </message>
</context>
<context>
    <name>NumberDelegate</name>
    <message>
        <source>%1; %2 keeps its value</source>
        <translation>%1；%2 保持原值</translation>
    </message>
</context>
<context>
    <name>OptimizerStateView</name>
    <message>
        <source>by hand</source>
        <translation>手算</translation>
    </message>
    <message>
        <source>torch.optim .state</source>
        <translation>torch.optim .state</translation>
    </message>
    <message>
        <source>%1 keeps no state yet: torch creates it on the first step (plain SGD never does).</source>
        <translation>%1 还没有状态：torch 在第一步时创建它（普通 SGD 永远没有状态）。</translation>
    </message>
    <message>
        <source>%1 after t = %2 steps by hand, t = %3 in torch&apos;s optimizer.state.</source>
        <translation>%1：手算已走 t = %2 步，torch 的 optimizer.state 中 t = %3。</translation>
    </message>
    <message>
        <source>%1: its state by hand and in torch&apos;s optimizer.state.</source>
        <translation>%1：手算的状态与 torch 的 optimizer.state。</translation>
    </message>
    <message>
        <source>next step at %1, in torch&apos;s order</source>
        <translation>%1 的下一步，按 torch 的计算顺序</translation>
    </message>
    <message>
        <source>next update</source>
        <translation>下一次更新</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Run 1 step</source>
        <translation>运行 1 步</translation>
    </message>
    <message>
        <source>Run %1 steps</source>
        <translation>运行 %1 步</translation>
    </message>
    <message>
        <source>Play: 1 step</source>
        <translation>播放：1 步</translation>
    </message>
    <message>
        <source>Play: %1 steps</source>
        <translation>播放：%1 步</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The torch engine is still loading; stepping starts when it is ready.</source>
        <translation>torch 引擎仍在加载；就绪后即可单步。</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The session has changes that are not saved. Save them?</source>
        <translation>会话有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Optimizer and network</source>
        <translation>优化器与网络</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Activation f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Outputs × inputs</source>
        <translation>输出 × 输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入数</translation>
    </message>
    <message>
        <source>%1: %2 (torch default %3)</source>
        <translation>%1：%2（torch 默认值 %3）</translation>
    </message>
    <message>
        <source>%1; %2 keeps its value</source>
        <translation>%1；%2 保持原值</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TrajectoryPanel</name>
    <message>
        <source>W by torch.optim</source>
        <translation>torch.optim 的 W</translation>
    </message>
    <message>
        <source>forward pass by torch</source>
        <translation>torch 前向传播</translation>
    </message>
    <message>
        <source>W by hand − W by torch</source>
        <translation>手算 W − torch 的 W</translation>
    </message>
    <message>
        <source>Weights of the torch trajectory</source>
        <translation>torch 轨迹的权重</translation>
    </message>
    <message>
        <source>Forward values by torch</source>
        <translation>torch 的前向值</translation>
    </message>
    <message>
        <source>Difference of the two trajectories</source>
        <translation>两条轨迹之差</translation>
    </message>
    <message>
        <source>After %4 steps, max |W hand − W torch| = &lt;b&gt;%2&lt;/b&gt; (%3). The editable W above is the hand-written %1&apos;s trajectory; torch.optim.%1 keeps its own.</source>
        <translation>%4 步之后，max |W 手算 − W torch| = &lt;b&gt;%2&lt;/b&gt;（%3）。上方可编辑的 W 是手写 %1 的轨迹；torch.optim.%1 保留自己的一份。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One update of both engines (in phases: the next phase)</source>
        <translation>两个引擎各更新一次（分阶段时：进入下一阶段）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the number of steps beside this button</source>
        <translation>运行按钮旁边设定的步数</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step continuously at the chosen speed</source>
        <translation>按所选速度连续单步</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop a run or play</source>
        <translation>停止运行或播放</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to step 0 at the start weights</source>
        <translation>回到第 0 步和初始权重</translation>
    </message>
    <message>
        <source>Randomize W</source>
        <translation>随机化 W</translation>
    </message>
    <message>
        <source>W as torch.nn.Linear has it after torch.manual_seed(seed)</source>
        <translation>与 torch.manual_seed(seed) 之后 torch.nn.Linear 的 W 相同</translation>
    </message>
    <message>
        <source>Step in phases</source>
        <translation>分阶段单步</translation>
    </message>
    <message>
        <source>Each Step does one phase: forward, backward, update</source>
        <translation>每次“单步”执行一个阶段：前向、反向、更新</translation>
    </message>
    <message>
        <source>Add an optimizer that forgets its state</source>
        <translation>加入一个遗忘状态的优化器</translation>
    </message>
    <message>
        <source>A third trajectory: the same optimizer, its state reset every step, as the blog post&apos;s Adam does</source>
        <translation>第三条轨迹：同一个优化器，但每一步都重置状态，就像博客文章里的 Adam 那样</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>对数损失坐标轴</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger text everywhere, plots and tables included</source>
        <translation>所有文字放大，包括图表和表格</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller text everywhere</source>
        <translation>所有文字缩小</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>正常大小</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen, large high-contrast text, only what a lecture needs</source>
        <translation>全屏、大号高对比度文字，只显示讲课需要的内容</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo keeps the last %1 actions (a Run or a Play is one)</source>
        <translation>撤销保留最近 %1 个操作（一次运行或播放算一个）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>torch could not be loaded: %1</source>
        <translation>无法加载 torch：%1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>1 if {z} &gt; 0 else 0</source>
        <translation>{z} &gt; 0 时为 1，否则为 0</translation>
    </message>
    <message>
        <source>z if z &gt; 0 else 0.01·z</source>
        <translation>z &gt; 0 时为 z，否则为 0.01·z</translation>
    </message>
    <message>
        <source>1 if {z} &gt; 0 else 0.01</source>
        <translation>{z} &gt; 0 时为 1，否则为 0.01</translation>
    </message>
    <message>
        <source>Identity (none)</source>
        <translation>恒等（无激活）</translation>
    </message>
    <message>
        <source>m / (1 − β₁ᵗ)</source>
        <translation>m / (1 − β₁ᵗ)</translation>
    </message>
    <message>
        <source>v / (1 − β₂ᵗ)</source>
        <translation>v / (1 − β₂ᵗ)</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>必须大于或等于 0</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>must be at least 0 and less than 1</source>
        <translation>必须大于或等于 0 且小于 1</translation>
    </message>
    <message>
        <source>must be between 0 and 1</source>
        <translation>必须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>L2 penalty added to the gradient</source>
        <translation>加到梯度上的 L2 惩罚</translation>
    </message>
    <message>
        <source>added to the denominator for numerical stability</source>
        <translation>加到分母上以保证数值稳定</translation>
    </message>
    <message>
        <source>decay of the running average of the gradient</source>
        <translation>梯度滑动平均的衰减率</translation>
    </message>
    <message>
        <source>decay of the running average of the squared gradient</source>
        <translation>梯度平方滑动平均的衰减率</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>divide by the largest second moment seen so far</source>
        <translation>除以迄今为止最大的二阶矩</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>momentum factor</source>
        <translation>动量系数</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>dampening for momentum</source>
        <translation>动量的阻尼</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Nesterov momentum (needs momentum &gt; 0, dampening 0)</source>
        <translation>Nesterov 动量（需要动量 &gt; 0、阻尼为 0）</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>normalise by an estimate of the gradient&apos;s variance</source>
        <translation>用梯度方差的估计值来归一化</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>learning-rate decay per step</source>
        <translation>每一步的学习率衰减</translation>
    </message>
    <message>
        <source>Why: each update overshot the minimum by more than it corrected, so the weights grew without bound. A smaller learning rate takes shorter steps.</source>
        <translation>原因：每次更新越过最小值的幅度都比纠正的幅度大，于是权重无限增长。更小的学习率会迈更小的步子。</translation>
    </message>
    <message>
        <source>y{i} = {y} is outside {f}&apos;s range {range}: a{i} can never reach it.</source>
        <translation>y{i} = {y} 超出了 {f} 的值域 {range}：a{i} 永远达不到它。</translation>
    </message>
    <message>
        <source>So the loss can never reach 0: L ≥ {floor} however long you train.</source>
        <translation>所以损失永远到不了 0：无论训练多久，L ≥ {floor}。</translation>
    </message>
    <message>
        <source>a{i} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W gets no gradient at all.</source>
        <translation>a{i} 已“死亡”：z{i} ≤ 0，所以 relu′ = 0，W 的第 {row} 行完全得不到梯度。</translation>
    </message>
    <message>
        <source>a{i} is saturated: {f}′(z{i}) = {d}, so row {row} of W gets almost no gradient.</source>
        <translation>a{i} 已饱和：{f}′(z{i}) = {d}，所以 W 的第 {row} 行几乎得不到梯度。</translation>
    </message>
    <message>
        <source>SGD: Nesterov momentum needs momentum &gt; 0 and dampening = 0</source>
        <translation>SGD：Nesterov 动量需要动量 &gt; 0 且阻尼 = 0</translation>
    </message>
    <message>
        <source>{owner} {name} {problem} (got {value})</source>
        <translation>{owner} 的 {name} {problem}（输入的是 {value}）</translation>
    </message>
    <message>
        <source>{what} must be text holding a number</source>
        <translation>{what} 必须是表示数字的文本</translation>
    </message>
    <message>
        <source>{what} is empty: type a number such as 0.5 or -1e-3</source>
        <translation>{what} 为空：请输入一个数字，例如 0.5 或 -1e-3</translation>
    </message>
    <message>
        <source>{what} {text}: use a dot for decimals, as in {fixed}</source>
        <translation>{what} {text}：小数点请用英文句点，例如 {fixed}</translation>
    </message>
    <message>
        <source>{what} {text} is not a number: type one such as 0.5 or -1e-3</source>
        <translation>{what} {text} 不是数字：请输入例如 0.5 或 -1e-3</translation>
    </message>
    <message>
        <source>{what} {text} is not a finite number</source>
        <translation>{what} {text} 不是有限数</translation>
    </message>
    <message>
        <source>{what} {text} is too large: use a number from -{max} to {max}</source>
        <translation>{what} {text} 太大：请输入 -{max} 到 {max} 之间的数</translation>
    </message>
    <message>
        <source>The blog post&apos;s example</source>
        <translation>博客文章中的例子</translation>
    </message>
    <message>
        <source>x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9], sigmoid, Adam. y₃ = 9.9 is out of sigmoid&apos;s reach, so the loss stalls far above 0.</source>
        <translation>x = [−0.5, 0.1, 1.1]，y = [0.1, 0.2, 9.9]，sigmoid，Adam。y₃ = 9.9 超出了 sigmoid 的值域，所以损失停在远高于 0 的地方。</translation>
    </message>
    <message>
        <source>Adam that forgets its state (the post&apos;s mistake)</source>
        <translation>遗忘状态的 Adam（文章中的错误）</translation>
    </message>
    <message>
        <source>A third trajectory: Adam that starts afresh on every call, as the post&apos;s diy_adam does. It agrees with torch on step 1 only; then every step is a first step of size ≈ lr, and it jitters around the minimum where the real Adam settles.</source>
        <translation>第三条轨迹：每次调用都从头开始的 Adam，就像文章中的 diy_adam。它只在第 1 步与 torch 一致；之后每一步都是“第一步”，步长约为 lr，于是在真正的 Adam 收敛的最小值附近来回抖动。</translation>
    </message>
    <message>
        <source>A reachable target</source>
        <translation>可以达到的目标</translation>
    </message>
    <message>
        <source>Every target inside sigmoid&apos;s range (0, 1): Adam drives the loss towards 0.</source>
        <translation>所有目标都在 sigmoid 的值域 (0, 1) 内：Adam 把损失压向 0。</translation>
    </message>
    <message>
        <source>A saturated start</source>
        <translation>饱和的起点</translation>
    </message>
    <message>
        <source>Large weights push sigmoid into its flat tails: σ′ ≈ 0, the gradient nearly vanishes, and plain SGD barely moves for many steps.</source>
        <translation>较大的权重把 sigmoid 推到平坦的两端：σ′ ≈ 0，梯度几乎消失，普通 SGD 很多步都几乎不动。</translation>
    </message>
    <message>
        <source>A learning rate that diverges</source>
        <translation>会发散的学习率</translation>
    </message>
    <message>
        <source>No activation and plain SGD with lr = 0.5: twice the largest stable step for this x. Each step overshoots further until the numbers overflow; stepping stops, one Undo from the last finite state.</source>
        <translation>无激活函数，普通 SGD，lr = 0.5：是这个 x 下最大稳定步长的两倍。每一步都冲得更远，直到数值溢出；训练停止，撤销一次即可回到最后一个有限值的状态。</translation>
    </message>
    <message>
        <source>Momentum against plain SGD</source>
        <translation>动量 vs 普通 SGD</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9 beside a third trajectory that forgets its momentum every step, which is plain SGD with the same learning rate.</source>
        <translation>动量为 0.9 的 SGD，旁边是每一步都遗忘动量的第三条轨迹，也就是相同学习率的普通 SGD。</translation>
    </message>
    <message>
        <source>the {what} is NaN or infinite</source>
        <translation>{what} 是 NaN 或无穷大</translation>
    </message>
    <message>
        <source>the {engine} loss at step {step} is NaN or infinite</source>
        <translation>{engine} 在第 {step} 步的损失是 NaN 或无穷大</translation>
    </message>
    <message>
        <source>step {step}: the {what} became NaN or infinite</source>
        <translation>第 {step} 步：{what} 变成了 NaN 或无穷大</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>Diverging step</source>
        <translation>发散的一步</translation>
    </message>
    <message>
        <source>Edit W[{i},{j}]</source>
        <translation>编辑 W[{i},{j}]</translation>
    </message>
    <message>
        <source>Set W</source>
        <translation>设置 W</translation>
    </message>
    <message>
        <source>Edit x[{j}]</source>
        <translation>编辑 x[{j}]</translation>
    </message>
    <message>
        <source>Edit y[{i}]</source>
        <translation>编辑 y[{i}]</translation>
    </message>
    <message>
        <source>Set x and y</source>
        <translation>设置 x 和 y</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>改变大小</translation>
    </message>
    <message>
        <source>Activation {name}</source>
        <translation>激活函数 {name}</translation>
    </message>
    <message>
        <source>Precision {name}</source>
        <translation>精度 {name}</translation>
    </message>
    <message>
        <source>Forgetful twin on</source>
        <translation>开启遗忘状态的轨迹</translation>
    </message>
    <message>
        <source>Forgetful twin off</source>
        <translation>关闭遗忘状态的轨迹</translation>
    </message>
    <message>
        <source>{optimizer} settings</source>
        <translation>{optimizer} 设置</translation>
    </message>
    <message>
        <source>Randomize (seed {seed})</source>
        <translation>随机化（种子 {seed}）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>torch refused step {step}: {error}</source>
        <translation>torch 拒绝了第 {step} 步：{error}</translation>
    </message>
    <message>
        <source>{reason}; undo to return to the last finite state, and try a smaller learning rate</source>
        <translation>{reason}；撤销可回到最后一个有限值的状态，并请尝试更小的学习率</translation>
    </message>
    <message>
        <source>b ← g   (first step)</source>
        <translation>b ← g   （第一步）</translation>
    </message>
    <message>
        <source>{what} must be a list of 1 to {most} numbers, not shape {shape}</source>
        <translation>{what} 必须是 1 到 {most} 个数的列表，而不是形状 {shape}</translation>
    </message>
    <message>
        <source>{what} must hold finite numbers only</source>
        <translation>{what} 只能包含有限数</translation>
    </message>
    <message>
        <source>{what} holds a number too large for {dtype}</source>
        <translation>{what} 中有数值超出了 {dtype} 的范围</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>the {what} is NaN or infinite; undo to the last finite state before saving</source>
        <translation>{what} 是 NaN 或无穷大；保存之前请撤销到最后一个有限值的状态</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>it is {size} MB; session files are at most {most} MB</source>
        <translation>它有 {size} MB；会话文件最多 {most} MB</translation>
    </message>
    <message>
        <source>it is not a text file</source>
        <translation>它不是文本文件</translation>
    </message>
    <message>
        <source>it is not valid JSON ({error} at line {line})</source>
        <translation>它不是有效的 JSON（第 {line} 行：{error}）</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a session file</source>
        <translation>它嵌套太深，不可能是会话文件</translation>
    </message>
    <message>
        <source>it is not a backprop stepper session file</source>
        <translation>它不是 backprop stepper 的会话文件</translation>
    </message>
    <message>
        <source>it has format version {found}; this program reads version {version}</source>
        <translation>它的格式版本是 {found}；本程序读取版本 {version}</translation>
    </message>
    <message>
        <source>step must be 0 or more</source>
        <translation>step 必须大于或等于 0</translation>
    </message>
    <message>
        <source>loss_history has an unknown encoding</source>
        <translation>loss_history 的编码未知</translation>
    </message>
    <message>
        <source>loss_history must hold one loss per step ({step}) for each engine</source>
        <translation>loss_history 必须为每个引擎的每一步（共 {step} 步）各存一个损失值</translation>
    </message>
    <message>
        <source>the forgetful losses must hold one loss per step ({step})</source>
        <translation>遗忘状态轨迹的损失必须每步一个（共 {step} 步）</translation>
    </message>
    <message>
        <source>the {engine} optimizer state must be empty or hold exactly {keys} for {optimizer}</source>
        <translation>{engine} 的优化器状态必须为空，或者恰好包含 {optimizer} 的 {keys}</translation>
    </message>
    <message>
        <source>the {engine} optimizer step must be 0 or more</source>
        <translation>{engine} 的优化器步数必须大于或等于 0</translation>
    </message>
    <message>
        <source>the {engine} optimizer&apos;s {key} must have W&apos;s shape {shape}</source>
        <translation>{engine} 优化器的 {key} 必须与 W 的形状 {shape} 相同</translation>
    </message>
    <message>
        <source>it has no {key}</source>
        <translation>它缺少 {key}</translation>
    </message>
    <message>
        <source>{key} must hold numbers only</source>
        <translation>{key} 只能包含数字</translation>
    </message>
    <message>
        <source>{key} must be a list of numbers</source>
        <translation>{key} 必须是数字列表</translation>
    </message>
    <message>
        <source>{key} must be a matrix of numbers</source>
        <translation>{key} 必须是数字矩阵</translation>
    </message>
    <message>
        <source>{key} holds a number too large to represent</source>
        <translation>{key} 中有数值大到无法表示</translation>
    </message>
    <message>
        <source>{key} is not valid base64</source>
        <translation>{key} 不是有效的 base64</translation>
    </message>
    <message>
        <source>{key} is not a whole number of float64 values</source>
        <translation>{key} 的长度不是 float64 值的整数倍</translation>
    </message>
    <message>
        <source>it holds {name}, which is not a finite number</source>
        <translation>它包含 {name}，这不是有限数</translation>
    </message>
    <message>
        <source>the path&apos;s stride must be 1 or more</source>
        <translation>路径的间隔必须为 1 或更大</translation>
    </message>
    <message>
        <source>the path&apos;s steps must be 1 to {most} whole numbers from 0 to {step}, in order</source>
        <translation>路径的步数必须是 1 到 {most} 个从 0 到 {step} 的整数，且按顺序排列</translation>
    </message>
    <message>
        <source>the path&apos;s weights must hold three W of shape {shape} (by hand, torch, forgetful) for each of its steps</source>
        <translation>路径的权重必须为每一步保存三个形状为 {shape} 的 W（手算、torch、遗忘状态）</translation>
    </message>
    <message>
        <source>it is malformed ({error})</source>
        <translation>它的格式有误（{error}）</translation>
    </message>
    <message>
        <source>{key} must be an object</source>
        <translation>{key} 必须是对象</translation>
    </message>
    <message>
        <source>{key} must be text</source>
        <translation>{key} 必须是文本</translation>
    </message>
    <message>
        <source>{key} must be a whole number</source>
        <translation>{key} 必须是整数</translation>
    </message>
    <message>
        <source>{key} must be a list</source>
        <translation>{key} 必须是列表</translation>
    </message>
</context>
</TS>
