<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyPlot</name>
    <message>
        <source>Accuracy per step</source>
        <translation>每一步的准确率</translation>
    </message>
    <message>
        <source>accuracy on the batch</source>
        <translation>批次上的准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>The fraction of each step&apos;s batch the network classifies right (by hand); the dot: the current state on the batch the next step takes.</source>
        <translation>每一步的批次中网络（手算）分类正确的比例；圆点：当前状态在下一步所用批次上的准确率。</translation>
    </message>
    <message>
        <source>Accuracy is counted for classification, under binary or categorical cross-entropy; this network&apos;s loss is %1.</source>
        <translation>准确率只对分类（二元或多类交叉熵）计算；这个网络的损失是 %1。</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave stopped: cannot write %1 (%2)</source>
        <translation>自动保存已停止：无法写入 %1（%2）</translation>
    </message>
    <message>
        <source>backprop stepper did not close normally last time. Restore %1 as it was at step %2, with its optimizer state?</source>
        <translation>backprop stepper 上次没有正常关闭。要把 %1 恢复到第 %2 步时的状态（包括优化器状态）吗？</translation>
    </message>
    <message>
        <source>Restore session?</source>
        <translation>恢复会话？</translation>
    </message>
    <message>
        <source>Cannot restore session</source>
        <translation>无法恢复会话</translation>
    </message>
    <message>
        <source>the untitled session</source>
        <translation>未命名的会话</translation>
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
    <name>BreakMenu</name>
    <message>
        <source>Break the backward</source>
        <translation>破坏反向传播</translation>
    </message>
    <message>
        <source>None (the backward is right)</source>
        <translation>无（反向传播正确）</translation>
    </message>
    <message>
        <source>The hand-written backward as it should be</source>
        <translation>手写反向传播的正确版本</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
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
        <source>Follow sample</source>
        <translation>跟踪样本</translation>
    </message>
    <message>
        <source>The sample of the batch the chain rule follows</source>
        <translation>链式法则所跟踪的批次样本</translation>
    </message>
    <message>
        <source>and the δ&apos;s it takes, from the loss down:</source>
        <translation>以及它用到的各个 δ，从损失往下：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chain rule for %1&lt;/b&gt; — click any weight or bias of any layer, or its gradient, to choose another</source>
        <translation>&lt;b&gt;%1 的链式法则&lt;/b&gt;——点击任一层的任一权重或偏置，或其梯度，可换一个</translation>
    </message>
    <message>
        <source>of the batch&apos;s %1 (row %2 of the data)</source>
        <translation>（批次共 %1 个，数据第 %2 行）</translation>
    </message>
    <message>
        <source>The hand-written backward as it stands, with its deliberate mistake: %1</source>
        <translation>当前的手写反向传播，带有故意设置的错误：%1</translation>
    </message>
    <message>
        <source>forgotten</source>
        <translation>漏掉了</translation>
    </message>
    <message>
        <source>the same as the gradient grid&apos;s %1 = %2</source>
        <translation>与梯度表中的 %1 = %2 相同</translation>
    </message>
    <message>
        <source>sample %1&apos;s term of the batch&apos;s sum (δ carries 1/%2); the gradient is below</source>
        <translation>样本 %1 在批次求和中的一项（δ 已含 1/%2）；梯度见下方</translation>
    </message>
    <message>
        <source>where %1 comes from: what each unit k of layer %2 sends down to it</source>
        <translation>%1 从何而来：第 %2 层的每个单元 k 传回给它的量</translation>
    </message>
    <message>
        <source>… %1 in all</source>
        <translation>… 共 %1 个</translation>
    </message>
    <message>
        <source>(f′ forgotten)</source>
        <translation>（漏掉了 f′）</translation>
    </message>
    <message>
        <source>The batch&apos;s gradient: the mean of each sample&apos;s own gradient g = %1 (what its loss alone would give)</source>
        <translation>批次的梯度：各样本自身梯度 g = %1（只用该样本的损失时得到的梯度）的平均值</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>the gradient grid&apos;s %1 is %2: sample 1&apos;s term alone, not the mean (the deliberate mistake)</source>
        <translation>梯度表中的 %1 是 %2：只是样本 1 的一项，不是平均值（故意设置的错误）</translation>
    </message>
    <message>
        <source>Sample %1&apos;s term of dL/d%2: %3 itself</source>
        <translation>样本 %1 在 dL/d%2 中的一项：就是 %3 本身</translation>
    </message>
    <message>
        <source>Sample %1&apos;s term of dL/d%2 at once: the outer product %3 %4ᵀ</source>
        <translation>一次求出样本 %1 在 dL/d%2 中的一项：外积 %3 %4ᵀ</translation>
    </message>
    <message>
        <source>%1 = ∂L/∂%4 ⊙ ∂%4/∂%5, one per unit;
row i of dL/d%2 is %1[i] times %3ᵀ</source>
        <translation>%1 = ∂L/∂%4 ⊙ ∂%4/∂%5，每个单元一个；
dL/d%2 的第 i 行是 %1[i] 乘以 %3ᵀ</translation>
    </message>
</context>
<context>
    <name>DataModel</name>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Forward pass of</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Your own data</source>
        <translation>自定义数据</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian jitter added to each point</source>
        <translation>加到每个点上的高斯抖动的标准差</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>The random numbers the data set is drawn from</source>
        <translation>生成数据集所用的随机数种子</translation>
    </message>
    <message>
        <source>Data: one row per sample, its inputs then its targets</source>
        <translation>数据：每行一个样本，先是输入，后是目标</translation>
    </message>
    <message>
        <source>Double-click or type to edit a number; Ctrl+V pastes cells copied from a spreadsheet, starting at the current cell</source>
        <translation>双击或直接键入即可编辑数字；Ctrl+V 从当前单元格起粘贴从电子表格复制的单元格</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a copy of the current sample below it</source>
        <translation>在当前样本下方添加它的副本</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected samples</source>
        <translation>删除选中的样本</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Read samples from a CSV file: inputs, then targets, one sample per line</source>
        <translation>从 CSV 文件读取样本：每行一个样本，先输入后目标</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the samples to a CSV file</source>
        <translation>把样本写入 CSV 文件</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Samples each step takes: all of them (the full batch), or batches of this size in turn</source>
        <translation>每一步使用的样本：全部（整批），或依次取这个大小的批次</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>打乱</translation>
    </message>
    <message>
        <source>Each epoch goes through the samples in a new random order, drawn from the shuffle seed</source>
        <translation>每一轮（epoch）都按新的随机顺序遍历样本，顺序由打乱种子决定</translation>
    </message>
    <message>
        <source>Shuffle seed</source>
        <translation>打乱种子</translation>
    </message>
    <message>
        <source>Sample the forward pass shows</source>
        <translation>前向传播显示的样本</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Samples typed, pasted or imported: choose a data set to replace them.</source>
        <translation>样本是手动输入、粘贴或导入的：选择一个数据集即可替换它们。</translation>
    </message>
    <message>
        <source>The network changed to fit “%1”: %2 → %3.</source>
        <translation>网络已改为适应“%1”：%2 → %3。</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>DecisionPlot</name>
    <message>
        <source>Decision boundary: the network&apos;s output over its inputs</source>
        <translation>决策边界：网络输出随输入的变化</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Colour: the network&apos;s probability of class 1, σ(z), at each point of the plane; the line is where it is 0.5, the decision boundary. Dots: the samples, coloured by their target.</source>
        <translation>颜色：平面上每一点处网络给出的类别 1 的概率 σ(z)；曲线是概率为 0.5 之处，即决策边界。圆点：样本，按目标着色。</translation>
    </message>
    <message>
        <source>Colour: the class the network picks at each point of the plane (the largest softmax probability), paler where it is less sure. Dots: the samples, coloured by their class.</source>
        <translation>颜色：网络在平面上每一点选择的类别（softmax 概率最大者），越不确定颜色越浅。圆点：样本，按类别着色。</translation>
    </message>
    <message>
        <source>Colour: the network&apos;s output a at each point of the plane. Dots: the samples, coloured by their target on the same scale.</source>
        <translation>颜色：平面上每一点处网络的输出 a。圆点：样本，按目标值以同一色标着色。</translation>
    </message>
    <message>
        <source>Curve: the network&apos;s probability of class 1, σ(z), along the input. Dots: the samples at their target.</source>
        <translation>曲线：网络给出的类别 1 的概率 σ(z) 随输入的变化。圆点：画在目标值处的样本。</translation>
    </message>
    <message>
        <source>Curves: each class&apos;s probability, softmax(z), along the input. Dots: the samples, at probability 1 in their class&apos;s colour.</source>
        <translation>曲线：各类别的概率 softmax(z) 随输入的变化。圆点：样本，画在概率 1 处，用其类别的颜色。</translation>
    </message>
    <message>
        <source>Curve: the network&apos;s output a along the input. Dots: the samples at their target.</source>
        <translation>曲线：网络输出 a 随输入的变化。圆点：画在目标值处的样本。</translation>
    </message>
    <message>
        <source>Curves: each of the network&apos;s outputs along the input. Dots: the samples at their targets, in the colour of their output.</source>
        <translation>曲线：网络各个输出随输入的变化。圆点：画在目标值处的样本，颜色与对应的输出相同。</translation>
    </message>
    <message>
        <source>Ringed: the samples of the batch the next step takes.</source>
        <translation>带圈的点：下一步所用批次中的样本。</translation>
    </message>
    <message>
        <source>probability of class 1, σ(z)</source>
        <translation>类别 1 的概率 σ(z)</translation>
    </message>
    <message>
        <source>probability, softmax(z)</source>
        <translation>概率 softmax(z)</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>输出 a</translation>
    </message>
    <message>
        <source>P(class 1) = σ(%1)</source>
        <translation>P(类别 1) = σ(%1)</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>σ(z) = 0.5</source>
        <translation>σ(z) = 0.5</translation>
    </message>
    <message>
        <source>next batch</source>
        <translation>下一批</translation>
    </message>
    <message>
        <source>The decision boundary at the new parameters: after the forward pass (the next Step).</source>
        <translation>新参数下的决策边界：在前向传播之后（下一次“单步”）。</translation>
    </message>
    <message>
        <source>The decision boundary is drawn for networks of one or two inputs only; this one has %1 inputs.</source>
        <translation>决策边界只对一个或两个输入的网络绘制；这个网络有 %1 个输入。</translation>
    </message>
    <message>
        <source>The parameters are not finite, so there is no output to draw. Undo to return to the last finite state.</source>
        <translation>参数不是有限数，因此没有可绘制的输出。撤销即可回到最后一个有限值的状态。</translation>
    </message>
    <message>
        <source>class %1, probability %2</source>
        <translation>类别 %1，概率 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>,  </source>
        <translation>，</translation>
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
    <name>GradNormPlot</name>
    <message>
        <source>Gradient norm of each layer per step</source>
        <translation>每层每一步的梯度范数</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖（对数坐标）</translation>
    </message>
    <message>
        <source>The size of each layer&apos;s weight gradient (Frobenius norm, by hand) at every step. A layer far below the others learns slowly: its gradient vanishes; lines shooting up: the gradient explodes.</source>
        <translation>每一步各层权重梯度的大小（Frobenius 范数，手算）。远低于其他层的层学得很慢：它的梯度消失了；直线飙升：梯度爆炸。</translation>
    </message>
</context>
<context>
    <name>GradientCheckModel</name>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>尚可</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>折点</translation>
    </message>
    <message>
        <source>relu kink</source>
        <translation>relu 折点</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The backward pass has not run yet in this phase.</source>
        <translation>这一阶段还没有运行反向传播。</translation>
    </message>
    <message>
        <source>torch is loading…</source>
        <translation>torch 正在加载…</translation>
    </message>
    <message>
        <source>Central differences wait while stepping runs; they are checked when it stops.</source>
        <translation>运行或播放期间暂不计算中心差分；停止后再检验。</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>（%2 个中的 %1 个）</translation>
    </message>
    <message>
        <source>against central differences at %1 of %2 entries, a sample</source>
        <translation>与中心差分对比，抽取 %2 个元素中的 %1 个</translation>
    </message>
    <message>
        <source>%1 = dL/dz by hand, against autograd&apos;s retained z.grad</source>
        <translation>%1 = 手算的 dL/dz，与自动求导保留的 z.grad 对比</translation>
    </message>
    <message>
        <source>dL/d%1 by hand, against autograd and central differences</source>
        <translation>手算的 dL/d%1，与自动求导和中心差分对比</translation>
    </message>
    <message>
        <source>%1: batch × units</source>
        <translation>%1：批大小 × 单元数</translation>
    </message>
    <message>
        <source>relative error against autograd&apos;s at most %1 in %2</source>
        <translation>与自动求导相比的相对误差，%2 下至多 %1</translation>
    </message>
    <message>
        <source>against autograd&apos;s z.grad</source>
        <translation>与自动求导的 z.grad 对比</translation>
    </message>
    <message>
        <source>against central differences</source>
        <translation>与中心差分对比</translation>
    </message>
    <message>
        <source>A relu&apos;s z lies within a finite-difference step of its kink: there the central differences may be off while the gradient is right.</source>
        <translation>relu 的 z 距其折点不到一个有限差分步长：此处中心差分可能有偏差，而梯度本身是对的。</translation>
    </message>
    <message>
        <source>A parameter&apos;s gradient, or a layer&apos;s δ = dL/dz</source>
        <translation>参数的梯度，或某层的 δ = dL/dz</translation>
    </message>
    <message>
        <source>rows × columns; a δ has a row per sample of the batch</source>
        <translation>行 × 列；δ 的每一行对应批次中的一个样本</translation>
    </message>
    <message>
        <source>Bit for bit equal to autograd&apos;s (rounding in another order makes float32 differ a little)</source>
        <translation>与自动求导的结果逐位相同（按另一种顺序舍入会使 float32 略有差异）</translation>
    </message>
    <message>
        <source>Within the precision&apos;s tolerance of autograd&apos;s: relative error at most %1 in float32, %2 in float64</source>
        <translation>在该精度的容差内与自动求导一致：float32 下相对误差至多 %1，float64 下至多 %2</translation>
    </message>
    <message>
        <source>The largest |hand − autograd| over the tensor&apos;s entries</source>
        <translation>张量各元素中最大的 |手算 − 自动求导|</translation>
    </message>
    <message>
        <source>max |Δ| ÷ the largest |g|: a parameter against central differences, a δ against autograd</source>
        <translation>max |Δ| ÷ 最大的 |g|：参数与中心差分对比，δ 与自动求导对比</translation>
    </message>
    <message>
        <source>Relative error: ✔ good up to %1, ✔ fine up to %2 (float32&apos;s rounding), ? doubtful up to %3, ✘ wrong above; ⚠ kink: a relu&apos;s z within a finite-difference step of 0, where only the central differences are off</source>
        <translation>相对误差：✔ 良好 ≤ %1，✔ 尚可 ≤ %2（float32 的舍入），? 存疑 ≤ %3，更大则 ✘ 错误；⚠ 折点：relu 的 z 距 0 不到一个有限差分步长，此处只有中心差分有偏差</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>allclose</source>
        <translation>allclose</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Every tensor by hand against autograd and central differences</source>
        <translation>每个张量的手算结果与自动求导、中心差分对比</translation>
    </message>
    <message>
        <source>Step %1, on the batch the next update takes (%2 samples), in %3.</source>
        <translation>第 %1 步，在下一次更新所用的批次上（%2 个样本），精度 %3。</translation>
    </message>
    <message>
        <source>Step %1, on the one sample the next update takes, in %3.</source>
        <translation>第 %1 步，在下一次更新所用的那一个样本上，精度 %3。</translation>
    </message>
    <message>
        <source>max |Δ| is by hand against autograd; the relative error, a parameter&apos;s against central differences and a δ&apos;s against autograd.</source>
        <translation>max |Δ| 是手算与自动求导之差；参数的相对误差与中心差分比较，δ 的相对误差与自动求导比较。</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>dL/dW: three witnesses at the hand-written W</source>
        <translation>dL/dW：在手写 W 处三种算法互相印证</translation>
    </message>
    <message>
        <source>Every parameter&apos;s gradient, three witnesses at the hand-written parameters</source>
        <translation>每个参数的梯度：在手写参数处三种算法互相印证</translation>
    </message>
    <message>
        <source>autograd&apos;s gradient is taken at the hand-written W, like the other two, so only the arithmetic differs. torch&apos;s own trajectory, and how far it has drifted from the hand-written one, is on the Both trajectories tab.</source>
        <translation>自动求导的梯度和另外两种一样，是在手写一侧的 W 处求的，所以只有算法不同。torch 自己的轨迹，以及它偏离手写轨迹有多远，见“两条轨迹”标签页。</translation>
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
        <source>dL/d%1 by hand</source>
        <translation>手算 dL/d%1</translation>
    </message>
    <message>
        <source>dL/dW by hand and by autograd at the hand-written W</source>
        <translation>dL/dW：在手写 W 处手算与自动求导</translation>
    </message>
    <message>
        <source>Every parameter&apos;s gradient by hand and by autograd at the hand-written parameters</source>
        <translation>每个参数的梯度：在手写参数处手算与自动求导</translation>
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
        <source>by central differences, %1 of %2 entries</source>
        <translation>中心差分，%2 个元素中的 %1 个</translation>
    </message>
    <message>
        <source>not computed: central differences were taken at a sample of this tensor&apos;s entries</source>
        <translation>未计算：中心差分只在这个张量的部分抽样元素上计算</translation>
    </message>
    <message>
        <source>hand vs autograd at the same W</source>
        <translation>手算 vs 自动求导（同一 W 处）</translation>
    </message>
    <message>
        <source>hand vs differences at the same W</source>
        <translation>手算 vs 差分（同一 W 处）</translation>
    </message>
    <message>
        <source>hand vs differences: &lt;i&gt;central differences wait while stepping runs&lt;/i&gt;</source>
        <translation>手算 vs 差分：&lt;i&gt;运行期间暂不计算中心差分&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1: max |Δ| %2, relative error %3 (÷ %4, the largest |g|); tolerance %5</source>
        <translation>%1：最大 |Δ| %2，相对误差 %3（÷ %4，即最大的 |g|）；容差 %5</translation>
    </message>
    <message>
        <source>%1: max |Δ| %2, relative error %3 (÷ %4: every |g| is smaller); tolerance %5</source>
        <translation>%1：最大 |Δ| %2，相对误差 %3（÷ %4：每个 |g| 都比它小）；容差 %5</translation>
    </message>
    <message>
        <source>hand vs autograd: &lt;i&gt;torch is loading…&lt;/i&gt;</source>
        <translation>手算 vs 自动求导：&lt;i&gt;torch 正在加载…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>… %1 in all</source>
        <translation>… 共 %1 个</translation>
    </message>
    <message>
        <source>forward values on the nodes, gradients ∂L/∂· on the arrows (red), flowing back</source>
        <translation>节点上是前向值，箭头上（红色）是反向流动的梯度 ∂L/∂·</translation>
    </message>
    <message>
        <source>, for sample %1 of the batch&apos;s %2 (row %3 of the data; the loss: the batch&apos;s)</source>
        <translation>，针对批次 %2 个样本中的第 %1 个（数据第 %3 行；损失是整个批次的）</translation>
    </message>
    <message>
        <source>y = class %1</source>
        <translation>y = 类别 %1</translation>
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
    <message>
        <source>A coarse grid of %1 × %1 points: a finer one would take long for this network and batch.</source>
        <translation>这是 %1 × %1 个点的粗网格：对这个网络和批次，更细的网格要算很久。</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
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
        <source>edit, not a step</source>
        <translation>编辑（不算一步）</translation>
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
    <message>
        <source>%1, not a step: hand %2 → %3</source>
        <translation>%1，不算一步：手算 %2 → %3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>hand %1,  torch %2</source>
        <translation>手算 %1，torch %2</translation>
    </message>
    <message>
        <source>hand %1</source>
        <translation>手算 %1</translation>
    </message>
    <message>
        <source>step %1:  %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Loading torch… the hand-written side is ready to edit.</source>
        <translation>正在加载 torch… 手写部分已经可以编辑。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1。&lt;/b&gt;%2</translation>
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
        <source>torch is ready.</source>
        <translation>torch 已就绪。</translation>
    </message>
    <message>
        <source>Stepping stopped: %1. The last finite state is one Undo away.</source>
        <translation>训练已停止：%1。撤销一次即可回到最后一个有限值的状态。</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>Widths</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Units in each layer, inputs first and outputs last, as in 2, 4, 1; Enter applies</source>
        <translation>每层的单元数，从输入到输出，例如 2, 4, 1；按 Enter 应用</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加隐藏层</translation>
    </message>
    <message>
        <source>Activation f of every layer</source>
        <translation>每一层的激活函数 f</translation>
    </message>
    <message>
        <source>Every layer&apos;s activation (under cross-entropy losses every hidden layer&apos;s: the output layer stays linear)</source>
        <translation>每一层的激活函数（使用交叉熵损失时为每个隐藏层的：输出层保持线性）</translation>
    </message>
    <message>
        <source>Bias b in every layer</source>
        <translation>每层都有偏置 b</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>Initialization seed</source>
        <translation>初始化种子</translation>
    </message>
    <message>
        <source>torch.manual_seed(seed) before drawing the initial parameters</source>
        <translation>抽取初始参数之前执行 torch.manual_seed(seed)</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Units of layer %1</source>
        <translation>第 %1 层的单元数</translation>
    </message>
    <message>
        <source>Activation of layer %1</source>
        <translation>第 %1 层的激活函数</translation>
    </message>
    <message>
        <source>Remove hidden layer %1</source>
        <translation>删除隐藏层 %1</translation>
    </message>
    <message>
        <source>The loss applies σ or softmax itself: the output layer is linear</source>
        <translation>损失函数自己会施加 σ 或 softmax：输出层是线性的</translation>
    </message>
    <message>
        <source>%1; the widths stay %2</source>
        <translation>%1；宽度保持为 %2</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Network  a = f(W · x),  L = mean((a − y)²)</source>
        <translation>网络  a = f(W · x)，  L = mean((a − y)²)</translation>
    </message>
    <message>
        <source>x (edit)</source>
        <translation>x（可改）</translation>
    </message>
    <message>
        <source>target y (edit)</source>
        <translation>目标 y（可改）</translation>
    </message>
    <message>
        <source>forward pass by hand</source>
        <translation>手算前向传播</translation>
    </message>
    <message>
        <source>Network %1: %2, a = f(z), layer by layer</source>
        <translation>网络 %1：逐层计算 %2，a = f(z)</translation>
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
        <source>x (sample %1, edit)</source>
        <translation>x（样本 %1，可改）</translation>
    </message>
    <message>
        <source>class (edit)</source>
        <translation>类别（可改）</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>%1 (edit)</source>
        <translation>%1（可改）</translation>
    </message>
    <message>
        <source>layer %1 by hand</source>
        <translation>第 %1 层（手算）</translation>
    </message>
    <message>
        <source>Target vector y</source>
        <translation>目标向量 y</translation>
    </message>
    <message>
        <source>Parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <source>Forward values by hand</source>
        <translation>手算的前向值</translation>
    </message>
    <message>
        <source>Forward values of layer %1 by hand</source>
        <translation>第 %1 层的手算前向值</translation>
    </message>
    <message>
        <source>saturated: f′(z) &lt; 0.001, this unit barely learns</source>
        <translation>饱和：f′(z) &lt; 0.001，这个单元几乎学不动</translation>
    </message>
    <message>
        <source>%1 by hand,  %2 by torch (|Δ| %3)</source>
        <translation>手算 %1，torch 计算 %2（|Δ| %3）</translation>
    </message>
    <message>
        <source>%1 by hand,  %2</source>
        <translation>手算 %1，%2</translation>
    </message>
    <message>
        <source>(batch %1 of %2: %3 samples)</source>
        <translation>（第 %1/%2 批：%3 个样本）</translation>
    </message>
    <message>
        <source>(batch %1 of %2: one sample)</source>
        <translation>（第 %1/%2 批：1 个样本）</translation>
    </message>
    <message>
        <source>(all %1 samples)</source>
        <translation>（全部 %1 个样本）</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>torch is loading…</source>
        <translation>torch 正在加载…</translation>
    </message>
</context>
<context>
    <name>NeuronPictures</name>
    <message>
        <source>Layer %1, %2: from %3 to %4</source>
        <translation>第 %1 层，%2：从 %3 到 %4</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s output along the input, on its layer&apos;s range (the dotted line is its middle). Click a unit to choose it.</source>
        <translation>每个隐藏单元的输出随输入的变化，纵轴为该层的值域（虚线是其中点）。点击单元即可选中它。</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s output over the plane of the inputs, in the colours of its layer&apos;s scale (blue low, white middle, orange high). Click a unit to choose it.</source>
        <translation>每个隐藏单元的输出在输入平面上的分布，颜色用该层的色标（蓝色低，白色居中，橙色高）。点击单元即可选中它。</translation>
    </message>
    <message>
        <source>Each hidden unit at the new parameters: after the forward pass (the next Step).</source>
        <translation>新参数下的每个隐藏单元：在前向传播之后（下一次“单步”）。</translation>
    </message>
    <message>
        <source>This network has no hidden layer: its one layer is the output.</source>
        <translation>这个网络没有隐藏层：它唯一的一层就是输出层。</translation>
    </message>
    <message>
        <source>The hidden units are drawn for networks of one or two inputs only; this one has %1 inputs.</source>
        <translation>隐藏单元只对一个或两个输入的网络绘制；这个网络有 %1 个输入。</translation>
    </message>
    <message>
        <source>This network has no hidden layer: its one layer is the output, drawn as the decision boundary.</source>
        <translation>这个网络没有隐藏层：它唯一的一层就是输出层，已在“决策边界”中画出。</translation>
    </message>
    <message>
        <source>The parameters are not finite, so there is nothing to draw. Undo to return to the last finite state.</source>
        <translation>参数不是有限数，因此没有可绘制的内容。撤销即可回到最后一个有限值的状态。</translation>
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
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The parameter whose optimizer state is shown</source>
        <translation>显示其优化器状态的参数</translation>
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
        <source>torch&apos;s optimizer.state</source>
        <translation>torch 的 optimizer.state</translation>
    </message>
    <message>
        <source>%1 keeps no state yet: torch creates it on the first step.</source>
        <translation>%1 尚无状态：torch 在第一步时创建它。</translation>
    </message>
    <message>
        <source>%1 keeps no state: without momentum, SGD needs none.</source>
        <translation>%1 不保存状态：没有动量的 SGD 不需要状态。</translation>
    </message>
    <message>
        <source>next update</source>
        <translation>下一次更新</translation>
    </message>
</context>
<context>
    <name>PhaseBar</name>
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
        <source> and </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Forward: %3 and a = f(z), layer by layer from x, then %1 = %2. Next, Step runs the backward pass.</source>
        <translation>前向：从 x 开始逐层计算 %3 和 a = f(z)，然后 %1 = %2。下一次“单步”进行反向传播。</translation>
    </message>
    <message>
        <source>Backward: the chain rule, from the loss down, gives each layer&apos;s δ, then %1; torch autograd and central differences give the same. Next, Step updates every parameter.</source>
        <translation>反向：链式法则从损失向下逐层给出每层的 δ，再得到 %1；torch 自动求导和中心差分给出相同的结果。下一次“单步”更新所有参数。</translation>
    </message>
    <message>
        <source>Update: the hand-written %1 and torch.optim.%1 each moved every parameter, now at step %2. Next, Step runs the forward pass at the new parameters.</source>
        <translation>更新：手写 %1 和 torch.optim.%1 各自更新了所有参数，现在是第 %2 步。下一次“单步”在新参数上做前向传播。</translation>
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
        <source>Run %1 of %2 steps</source>
        <translation>运行 %1 步（共要求 %2 步）</translation>
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
    <name>SeriesPlot</name>
    <message>
        <source>step</source>
        <translation>步数</translation>
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
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>%1: %2 (torch default %3)</source>
        <translation>%1：%2（torch 默认值 %3）</translation>
    </message>
    <message>
        <source>%1; %2 keeps its value</source>
        <translation>%1；%2 保持原值</translation>
    </message>
    <message>
        <source>%1 keeps what you changed for %2: %3; the rest are torch&apos;s defaults.</source>
        <translation>%1 沿用你为 %2 改过的设置：%3；其余为 torch 的默认值。</translation>
    </message>
    <message>
        <source>%1 with torch&apos;s defaults (learning rate %2).</source>
        <translation>%1 使用 torch 的默认值（学习率 %2）。</translation>
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
    <name>TrainingBar</name>
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
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
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
</context>
<context>
    <name>TrajectoryPanel</name>
    <message>
        <source>forward pass by torch</source>
        <translation>torch 前向传播</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>%1 by torch.optim</source>
        <translation>torch.optim 的 %1</translation>
    </message>
    <message>
        <source>%1 by hand − %1 by torch</source>
        <translation>手算 %1 − torch 的 %1</translation>
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
        <source>forward pass by torch (sample %1)</source>
        <translation>torch 前向传播（样本 %1）</translation>
    </message>
    <message>
        <source>After %4 steps, max |W hand − W torch| = &lt;b&gt;%2&lt;/b&gt; (%3). The editable W above is the hand-written %1&apos;s trajectory; torch.optim.%1 keeps its own.</source>
        <translation>%4 步之后，max |W 手算 − W torch| = &lt;b&gt;%2&lt;/b&gt;（%3）。上方可编辑的 W 是手写 %1 的轨迹；torch.optim.%1 保留自己的一份。</translation>
    </message>
    <message>
        <source>The two engines round differently, by an ulp now and then (their gradients&apos; sums, torch&apos;s fused multiply-adds and square root). Where training is chaotic, with large momentum or jittering about a minimum, that grows step by step, as torch&apos;s own run would from an ulp&apos;s nudge: the gap alone is no mistake. The gradient check compares the gradients at the same W.</source>
        <translation>两个引擎的舍入方式不同，偶尔相差一个 ulp（梯度求和的顺序、torch 融合的乘加和平方根）。在训练呈混沌状态时（动量很大，或在极小值附近抖动），这种差异会一步步放大，就像 torch 自己的运行被推动一个 ulp 后也会发生的那样：仅凭差距并不说明有错误。梯度检验在同一个 W 处比较梯度。</translation>
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
        <source>W drawn with the next seed, as torch.nn.Linear has it after torch.manual_seed(seed); type a seed in the box to draw with that one</source>
        <translation>用下一个种子重新抽取 W，与 torch.manual_seed(seed) 之后 torch.nn.Linear 的 W 相同；在框中输入种子即用该种子抽取</translation>
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
        <source>a{i} of layer {layer} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W{layer} gets no gradient at all.</source>
        <translation>第 {layer} 层的 a{i} 已“死亡”：z{i} ≤ 0，所以 relu′ = 0，W{layer} 的第 {row} 行完全得不到梯度。</translation>
    </message>
    <message>
        <source>a{i} of layer {layer} is saturated: {f}′(z{i}) = {d}, so row {row} of W{layer} gets almost no gradient.</source>
        <translation>第 {layer} 层的 a{i} 已饱和：{f}′(z{i}) = {d}，所以 W{layer} 的第 {row} 行几乎得不到梯度。</translation>
    </message>
    <message>
        <source>y{i} = {y} is outside {f}&apos;s range {range}: a{i} can never reach it.</source>
        <translation>y{i} = {y} 超出了 {f} 的值域 {range}：a{i} 永远达不到它。</translation>
    </message>
    <message>
        <source>{count} of the targets lie outside {f}&apos;s range {range}: the outputs can never reach them.</source>
        <translation>有 {count} 个目标超出了 {f} 的值域 {range}：输出永远达不到它们。</translation>
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
        <source>type the widths from the inputs to the outputs, as in 2, 4, 1</source>
        <translation>请从输入到输出依次输入各层宽度，例如 2, 4, 1</translation>
    </message>
    <message>
        <source>{text} is not a whole number: {example}</source>
        <translation>{text} 不是整数：{example}</translation>
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
        <source>XOR with two hidden units: stuck</source>
        <translation>XOR，两个隐藏单元：卡住</translation>
    </message>
    <message>
        <source>A 2-2-1 tanh network on XOR&apos;s four points, Adam. From this start it settles where two corners are right and the other two are left at p = ½, and the loss stays at ½·ln 2 ≈ 0.35: two units can draw XOR, but gradient descent does not always find how.</source>
        <translation>2-2-1 的 tanh 网络拟合 XOR 的四个点，Adam。从这个起点出发，它停在两个角正确、另外两个角停在 p = ½ 的位置，损失一直是 ½·ln 2 ≈ 0.35：两个单元足以画出 XOR，但梯度下降并不总能找到画法。</translation>
    </message>
    <message>
        <source>XOR with four hidden units: solved</source>
        <translation>XOR，四个隐藏单元：解决</translation>
    </message>
    <message>
        <source>The same start with four hidden units instead of two: the hidden layer bends the plane so that one line separates the classes, and the loss falls towards 0.</source>
        <translation>同样的起点，但用四个隐藏单元而不是两个：隐藏层把平面弯折，使一条直线就能分开两类，损失降向 0。</translation>
    </message>
    <message>
        <source>A circle, 2-4-1 tanh</source>
        <translation>圆形，2-4-1 tanh</translation>
    </message>
    <message>
        <source>Points inside a circle against a ring around it: no line separates them, four tanh units learn a closed boundary.</source>
        <translation>圆内的点与环绕它的圆环：没有直线能分开它们，四个 tanh 单元学出一条闭合的边界。</translation>
    </message>
    <message>
        <source>Three spirals, 2-8-8-3 with cross-entropy</source>
        <translation>三条螺旋，2-8-8-3，交叉熵</translation>
    </message>
    <message>
        <source>Three interleaved spiral arms, one class each: two hidden layers of eight tanh units and a softmax output learn regions that wind with the arms.</source>
        <translation>三条交错的螺旋臂，每条一个类别：两个各含八个 tanh 单元的隐藏层加 softmax 输出，学出随螺旋臂盘绕的区域。</translation>
    </message>
    <message>
        <source>Zero initialization: symmetry</source>
        <translation>零初始化：对称性</translation>
    </message>
    <message>
        <source>A 1-4-1 network fitting a sine, every weight and bias starting at 0: the four sigmoid units compute the same thing, receive the same gradient and stay identical however long they train, so the fit is one sigmoid&apos;s shape. A random start breaks the symmetry.</source>
        <translation>1-4-1 网络拟合正弦，所有权重和偏置都从 0 开始：四个 sigmoid 单元计算相同的东西、得到相同的梯度，无论训练多久都完全相同，所以拟合结果只是一个 sigmoid 的形状。随机初始化可以打破这种对称性。</translation>
    </message>
    <message>
        <source>Six sigmoid layers: vanishing gradients</source>
        <translation>六层 sigmoid：梯度消失</translation>
    </message>
    <message>
        <source>A 2-8-8-8-8-8-1 sigmoid network with plain SGD. σ′ is at most ¼, and the δ of each layer is the one above times W and σ′: the first layer&apos;s gradient is 10⁵ times smaller than the last&apos;s, and the first layers hardly learn.</source>
        <translation>2-8-8-8-8-8-1 的 sigmoid 网络，普通 SGD。σ′ 至多为 ¼，每层的 δ 等于上一层的 δ 乘以 W 再乘以 σ′：第一层的梯度比最后一层小 10⁵ 倍，前几层几乎学不动。</translation>
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
        <source>Edit {entry}</source>
        <translation>编辑 {entry}</translation>
    </message>
    <message>
        <source>Set W</source>
        <translation>设置 W</translation>
    </message>
    <message>
        <source>Set the parameters</source>
        <translation>设置参数</translation>
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
        <source>Edit {part}[{sample},{column}]</source>
        <translation>编辑 {part}[{sample},{column}]</translation>
    </message>
    <message>
        <source>Set x and y</source>
        <translation>设置 x 和 y</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>新数据</translation>
    </message>
    <message>
        <source>New data, network {network}</source>
        <translation>新数据，网络 {network}</translation>
    </message>
    <message>
        <source>Add sample {sample}</source>
        <translation>添加样本 {sample}</translation>
    </message>
    <message>
        <source>Remove sample {sample}</source>
        <translation>删除样本 {sample}</translation>
    </message>
    <message>
        <source>Remove {count} samples</source>
        <translation>删除 {count} 个样本</translation>
    </message>
    <message>
        <source>Paste {rows}×{columns} at [{sample},{column}]</source>
        <translation>在 [{sample},{column}] 处粘贴 {rows}×{columns}</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>改变大小</translation>
    </message>
    <message>
        <source>Network {network}</source>
        <translation>网络 {network}</translation>
    </message>
    <message>
        <source>Activation {name}</source>
        <translation>激活函数 {name}</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次设置</translation>
    </message>
    <message>
        <source>Break the backward: {mistake}</source>
        <translation>破坏反向传播：{mistake}</translation>
    </message>
    <message>
        <source>Repair the backward</source>
        <translation>修复反向传播</translation>
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
        <source>Initialize ({scheme}, seed {seed})</source>
        <translation>初始化（{scheme}，种子 {seed}）</translation>
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
        <source>{what} must hold numbers only</source>
        <translation>{what} 只能包含数字</translation>
    </message>
    <message>
        <source>{what} must be a table with one row per sample, not shape {shape}</source>
        <translation>{what} 必须是每个样本一行的表格，而不是形状 {shape}</translation>
    </message>
    <message>
        <source>the data must hold 1 to {most} samples, not {m}</source>
        <translation>数据必须包含 1 到 {most} 个样本，而不是 {m} 个</translation>
    </message>
    <message>
        <source>{what} must have 1 to {most} columns, not {n}</source>
        <translation>{what} 必须有 1 到 {most} 列，而不是 {n} 列</translation>
    </message>
    <message>
        <source>samples in X: {m_x}, in Y: {m_y}; every sample needs its inputs and its targets</source>
        <translation>X 中有 {m_x} 个样本，Y 中有 {m_y} 个；每个样本都需要输入和目标</translation>
    </message>
    <message>
        <source>{what} must hold finite numbers only</source>
        <translation>{what} 只能包含有限数</translation>
    </message>
    <message>
        <source>the targets must be one column of whole class indices (0, 1, 2, …)</source>
        <translation>目标必须是一列整数类别索引（0, 1, 2, …）</translation>
    </message>
    <message>
        <source>a class index is outside 0 to {last}</source>
        <translation>有类别索引超出了 0 到 {last} 的范围</translation>
    </message>
    <message>
        <source>input columns in the data: {found}; inputs of the network: {n_in}</source>
        <translation>数据中的输入列数：{found}；网络的输入数：{n_in}</translation>
    </message>
    <message>
        <source>target columns in the data: {found}; outputs of the network: {n_out}</source>
        <translation>数据中的目标列数：{found}；网络的输出数：{n_out}</translation>
    </message>
    <message>
        <source>binary cross-entropy needs targets from 0 to 1; sample {sample} has {value}</source>
        <translation>二元交叉熵要求目标在 0 到 1 之间；样本 {sample} 的目标是 {value}</translation>
    </message>
    <message>
        <source>cross-entropy needs one column of class indices; the data has {found} target columns</source>
        <translation>交叉熵需要一列类别索引；数据有 {found} 个目标列</translation>
    </message>
    <message>
        <source>cross-entropy needs at least 2 outputs, one per class; the network has {n_out}</source>
        <translation>交叉熵至少需要 2 个输出，每个类别一个；这个网络有 {n_out} 个</translation>
    </message>
    <message>
        <source>cross-entropy needs whole class indices; sample {sample} has {value}</source>
        <translation>交叉熵需要整数类别索引；样本 {sample} 的是 {value}</translation>
    </message>
    <message>
        <source>sample {sample} has class {value}; with {n_out} outputs the classes are 0 to {last}</source>
        <translation>样本 {sample} 的类别是 {value}；有 {n_out} 个输出时类别为 0 到 {last}</translation>
    </message>
    <message>
        <source>the batch size must be a whole number from 1 to {most}</source>
        <translation>批大小必须是 1 到 {most} 之间的整数</translation>
    </message>
    <message>
        <source>the shuffle seed must be a whole number, 0 or more</source>
        <translation>打乱种子必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>{mistake} cannot be made here: {reason}</source>
        <translation>无法在这里制造错误“{mistake}”：{reason}</translation>
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
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is {size} MB; {kind} are at most {most} MB</source>
        <translation>它有 {size} MB；{kind}最多 {most} MB</translation>
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
        <source>it has format version {found}; this program reads versions 1 and 2</source>
        <translation>它的格式版本是 {found}；本程序只能读取版本 1 和 2</translation>
    </message>
    <message>
        <source>the metrics must hold one accuracy per step ({step}) and one gradient norm per step for each of the {layers} layers</source>
        <translation>指标必须每步一个准确率（共 {step} 步），并且 {layers} 层中的每一层每步一个梯度范数</translation>
    </message>
    <message>
        <source>the {engine} optimizer&apos;s {key} must have the shape of its parameter, {shape}</source>
        <translation>{engine} 优化器的 {key} 必须与其参数形状相同，即 {shape}</translation>
    </message>
    <message>
        <source>the {engine} optimizer state must name the parameters {names}</source>
        <translation>{engine} 的优化器状态必须对应参数 {names}</translation>
    </message>
    <message>
        <source>{key} must hold {rows} × {columns} numbers</source>
        <translation>{key} 必须包含 {rows} × {columns} 个数字</translation>
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
        <source>the edits must be at whole steps from 1 to {step}, in order, each with a list of what was edited and three losses before it</source>
        <translation>编辑记录必须位于 1 到 {step} 之间的整数步上，按顺序排列，每条都带有所编辑内容的列表和编辑前的三个损失值</translation>
    </message>
    <message>
        <source>an edit is named {name}, which is not an edit this program makes</source>
        <translation>有一条编辑名为 {name}，这不是本程序会做的编辑</translation>
    </message>
    <message>
        <source>what was set aside holds {key} of the wrong size</source>
        <translation>缩窄网络时暂存的值中，{key} 的大小不对</translation>
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
        <source>the path&apos;s weights must hold three sets of {size} parameters (by hand, torch, forgetful) for each of its steps</source>
        <translation>路径的权重必须在每一步包含三组（手算、torch、遗忘状态）各 {size} 个参数</translation>
    </message>
    <message>
        <source>{key} must be true or false</source>
        <translation>{key} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>it is malformed ({error})</source>
        <translation>它的格式有误（{error}）</translation>
    </message>
    <message>
        <source>session files</source>
        <translation>会话文件</translation>
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
    <message>
        <source>The gradient check caught it: {rows} turned red, exactly the rows the mistake changes.</source>
        <translation>梯度检验发现了它：{rows} 变红了，恰好是这个错误所影响的行。</translation>
    </message>
    <message>
        <source>The gradient check caught it: {rows} turned red.</source>
        <translation>梯度检验发现了它：{rows} 变红了。</translation>
    </message>
    <message>
        <source>{rows} turned amber: a doubtful relative error, between {low} and {high}.</source>
        <translation>{rows} 变成了琥珀色：相对误差存疑，在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The mistake changes {rows}.</source>
        <translation>这个错误影响 {rows}。</translation>
    </message>
    <message>
        <source>The mistake changes {rows}; {missing} changed too little on this batch to show.</source>
        <translation>这个错误影响 {rows}；其中 {missing} 在这个批次上变化太小，显示不出来。</translation>
    </message>
    <message>
        <source>Nothing turned red, though the mistake changes {rows}: {reason}</source>
        <translation>没有任何一行变红，尽管这个错误影响 {rows}：{reason}</translation>
    </message>
    <message>
        <source>this batch holds a single sample, and the sum of one sample is its mean.</source>
        <translation>这个批次只有一个样本，而一个样本的和就是它的平均值。</translation>
    </message>
    <message>
        <source>this batch holds a single sample, so its first sample is all of it.</source>
        <translation>这个批次只有一个样本，所以第一个样本就是全部。</translation>
    </message>
    <message>
        <source>f′(z{layer}) is 1 at every z of this batch, so forgetting it changes nothing here.</source>
        <translation>f′(z{layer}) 在这个批次的每个 z 处都是 1，所以漏掉它在这里没有任何影响。</translation>
    </message>
    <message>
        <source>on this batch the change is too small for the check to resolve.</source>
        <translation>在这个批次上，变化太小，检验分辨不出来。</translation>
    </message>
    <message>
        <source>The gradient check shows it once torch has loaded.</source>
        <translation>torch 加载完成后，梯度检验就会显示出来。</translation>
    </message>
    <message>
        <source>The backward is repaired: no row of the gradient check is red.</source>
        <translation>反向传播已修复：梯度检验中没有红色的行。</translation>
    </message>
    <message>
        <source>The backward is repaired, yet the gradient check still flags {rows}.</source>
        <translation>反向传播已修复，但梯度检验仍然标出了 {rows}。</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {problem}</source>
        <translation>第 {line} 行，第 {column} 列：{problem}</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>a data file holds 1 to {most} inputs and 1 to {most} targets, not {n_in} and {n_targets}</source>
        <translation>数据文件包含 1 到 {most} 个输入和 1 到 {most} 个目标，而不是 {n_in} 个和 {n_targets} 个</translation>
    </message>
    <message>
        <source>it holds no data: expected lines of {expected} comma-separated numbers (inputs: {n_in}, targets: {n_targets})</source>
        <translation>它不含数据：应为每行 {expected} 个逗号分隔的数字（输入：{n_in}，目标：{n_targets}）</translation>
    </message>
    <message>
        <source>expected {expected} values (inputs: {n_in}, targets: {n_targets}), found {found}</source>
        <translation>应有 {expected} 个值（输入：{n_in}，目标：{n_targets}），实际有 {found} 个</translation>
    </message>
    <message>
        <source>expected {expected} values (inputs: {n_in}, targets: {n_targets}), found {found}. If the numbers have decimal commas (0,5), write them with a dot (0.5): in CSV a comma separates values</source>
        <translation>应有 {expected} 个值（输入：{n_in}，目标：{n_targets}），实际有 {found} 个。如果数字用的是小数逗号（0,5），请改用小数点（0.5）：在 CSV 中逗号用来分隔值</translation>
    </message>
    <message>
        <source>{text} holds {separator}: separate the values with commas, and write decimals with a dot (0.5)</source>
        <translation>{text} 中有 {separator}：请用逗号分隔各值，并用小数点表示小数（0.5）</translation>
    </message>
    <message>
        <source>the value is missing; expected a number</source>
        <translation>缺少值；应为一个数字</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数字</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限数</translation>
    </message>
    <message>
        <source>{text} is too large to represent</source>
        <translation>{text} 太大，无法表示</translation>
    </message>
    <message>
        <source>more than {most} samples; a data file holds at most {most}</source>
        <translation>样本多于 {most} 个；数据文件最多只能有 {most} 个</translation>
    </message>
    <message>
        <source>expected {expected} values, as on the first line, found {found}</source>
        <translation>应有 {expected} 个值（与第一行相同），实际有 {found} 个</translation>
    </message>
    <message>
        <source>it holds no numbers: copy cells from a spreadsheet, or lines of comma-separated numbers</source>
        <translation>它不含数字：请从电子表格复制单元格，或以逗号分隔的数字行</translation>
    </message>
    <message>
        <source>{text} has a decimal comma: write it with a dot, as in {fixed}</source>
        <translation>{text} 用了小数逗号：请改用小数点，例如 {fixed}</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>data files</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>unknown data set {name}; choose one of: {names}</source>
        <translation>未知的数据集 {name}；请从以下选择：{names}</translation>
    </message>
    <message>
        <source>the number of samples must be a whole number from 1 to {most}</source>
        <translation>样本数必须是 1 到 {most} 之间的整数</translation>
    </message>
    <message>
        <source>the noise must be a number from 0 to {most}</source>
        <translation>噪声必须是 0 到 {most} 之间的数</translation>
    </message>
    <message>
        <source>the data seed must be a whole number, 0 or more</source>
        <translation>数据种子必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>The blog post&apos;s sample</source>
        <translation>博客文章中的样本</translation>
    </message>
    <message>
        <source>One sample, x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9]; the sample count and noise do not apply.</source>
        <translation>一个样本，x = [−0.5, 0.1, 1.1]，y = [0.1, 0.2, 9.9]；样本数和噪声不适用。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>The corners of the unit square, class 1 where exactly one input is 1; more samples repeat the corners.</source>
        <translation>单位正方形的四个角，恰好有一个输入为 1 时为类别 1；样本更多时重复这些角。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Class 0 inside a circle of radius 0.6, class 1 in a ring from 0.9 to 1.3 around it.</source>
        <translation>类别 0 在半径 0.6 的圆内，类别 1 在其外 0.9 到 1.3 的圆环中。</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interleaving half circles of radius 1, one per class.</source>
        <translation>两个交错的半径为 1 的半圆，每个一个类别。</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two spiral arms winding 1.75 times around the centre, one per class.</source>
        <translation>两条绕中心旋转 1.75 圈的螺旋臂，每条一个类别。</translation>
    </message>
    <message>
        <source>Spiral, three arms</source>
        <translation>螺旋（三臂）</translation>
    </message>
    <message>
        <source>Three spiral arms winding 1.75 times around the centre, one per class.</source>
        <translation>三条绕中心旋转 1.75 圈的螺旋臂，每条一个类别。</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <source>Three Gaussian clouds of standard deviation 0.25 around the corners of a triangle, one per class.</source>
        <translation>三个标准差为 0.25 的高斯点云，分布在三角形的三个顶点周围，每个一个类别。</translation>
    </message>
    <message>
        <source>Sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <source>Regression: y = sin(x) for x from −π to π; the noise is added to y.</source>
        <translation>回归：y = sin(x)，x 从 −π 到 π；噪声加在 y 上。</translation>
    </message>
    <message>
        <source>{name} has no entry [{index}]; its shape is {shape}</source>
        <translation>{name} 没有元素 [{index}]；它的形状是 {shape}</translation>
    </message>
    <message>
        <source>the network has no parameter {name}; it has {names}</source>
        <translation>网络没有参数 {name}；它有 {names}</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not {value}</source>
        <translation>{what} 必须是有限数，而不是 {value}</translation>
    </message>
    <message>
        <source>there is no sample {sample}; there are {m}</source>
        <translation>没有样本 {sample}；只有 {m} 个样本</translation>
    </message>
    <message>
        <source>there is no {part} column {column}; there are {count}</source>
        <translation>{part} 没有第 {column} 列；只有 {count} 列</translation>
    </message>
    <message>
        <source>the targets do not fit the new network: {reason}</source>
        <translation>目标与新网络不匹配：{reason}</translation>
    </message>
    <message>
        <source>samples can go in at places 1 to {last}, not {place}</source>
        <translation>样本只能插入到位置 1 到 {last}，而不是 {place}</translation>
    </message>
    <message>
        <source>a new sample needs inputs: {n_in}, targets: {n_targets}; found inputs: {inputs}, targets: {targets}</source>
        <translation>新样本需要 {n_in} 个输入和 {n_targets} 个目标；实际有 {inputs} 个输入和 {targets} 个目标</translation>
    </message>
    <message>
        <source>the data keeps at least one sample</source>
        <translation>数据至少要保留一个样本</translation>
    </message>
    <message>
        <source>choose the samples to remove</source>
        <translation>请选择要删除的样本</translation>
    </message>
    <message>
        <source>the pasted block is {width} columns wide; from column {column} the table has {room}</source>
        <translation>粘贴的块有 {width} 列宽；表格从第 {column} 列起只有 {room} 列</translation>
    </message>
    <message>
        <source>torch&apos;s default</source>
        <translation>torch 默认</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Xavier (Glorot) uniform</source>
        <translation>Xavier（Glorot）均匀</translation>
    </message>
    <message>
        <source>He (Kaiming) uniform</source>
        <translation>He（Kaiming）均匀</translation>
    </message>
    <message>
        <source>weights and biases uniform in ±1/√fan_in, exactly as nn.Linear draws them after torch.manual_seed(seed)</source>
        <translation>权重和偏置在 ±1/√fan_in 内均匀分布，与 torch.manual_seed(seed) 之后 nn.Linear 抽取的完全相同</translation>
    </message>
    <message>
        <source>every weight and bias 0: the units of each hidden layer start identical and stay identical while training</source>
        <translation>所有权重和偏置都为 0：每个隐藏层的单元起初完全相同，训练中也一直相同</translation>
    </message>
    <message>
        <source>weights uniform in ±√(6 / (fan_in + fan_out)), as torch.nn.init.xavier_uniform_ draws them after torch.manual_seed(seed); biases 0</source>
        <translation>权重在 ±√(6 / (fan_in + fan_out)) 内均匀分布，与 torch.manual_seed(seed) 之后 torch.nn.init.xavier_uniform_ 抽取的相同；偏置为 0</translation>
    </message>
    <message>
        <source>weights uniform in ±√(6 / fan_in), as torch.nn.init.kaiming_uniform_ for relu draws them after torch.manual_seed(seed); biases 0</source>
        <translation>权重在 ±√(6 / fan_in) 内均匀分布，与 torch.manual_seed(seed) 之后针对 relu 的 torch.nn.init.kaiming_uniform_ 抽取的相同；偏置为 0</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to {most}, not {seed}</source>
        <translation>种子必须是 0 到 {most} 之间的整数，而不是 {seed}</translation>
    </message>
    <message>
        <source>unknown initialization {scheme}; choose one of: {choices}</source>
        <translation>未知的初始化方式 {scheme}；请从以下选择：{choices}</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy (softmax)</source>
        <translation>交叉熵（softmax）</translation>
    </message>
    <message>
        <source>Forget f′ in a layer&apos;s δ</source>
        <translation>某层的 δ 漏掉 f′</translation>
    </message>
    <message>
        <source>δ{layer} is taken without the factor f′(z{layer}): dL/da instead of dL/dz.</source>
        <translation>δ{layer} 的计算漏掉了因子 f′(z{layer})：得到的是 dL/da 而不是 dL/dz。</translation>
    </message>
    <message>
        <source>Propagate δ without the transpose</source>
        <translation>传播 δ 时不转置</translation>
    </message>
    <message>
        <source>δ{layer} is δ{above}·W{above}ᵀ instead of δ{above}·W{above} (in column form Wδ instead of Wᵀδ), which only fits when the two layers are equally wide.</source>
        <translation>δ{layer} 算成了 δ{above}·W{above}ᵀ 而不是 δ{above}·W{above}（列向量形式下是 Wδ 而不是 Wᵀδ），只有两层宽度相同时形状才对得上。</translation>
    </message>
    <message>
        <source>Sum over the batch instead of averaging</source>
        <translation>对批次求和而不是求平均</translation>
    </message>
    <message>
        <source>The gradient is summed over the batch&apos;s samples instead of averaged: every gradient is B times too large.</source>
        <translation>梯度对批次中的样本求和而不是求平均：每个梯度都大了 B 倍。</translation>
    </message>
    <message>
        <source>Bias gradient from the first sample only</source>
        <translation>偏置梯度只取第一个样本</translation>
    </message>
    <message>
        <source>dL/db is δ of the batch&apos;s first sample instead of δ summed over the batch.</source>
        <translation>dL/db 取的是批次中第一个样本的 δ，而不是整个批次 δ 的和。</translation>
    </message>
    <message>
        <source>Drop the 2 of the squared error</source>
        <translation>漏掉平方误差中的 2</translation>
    </message>
    <message>
        <source>dL/da is (a − y)/n instead of 2(a − y)/n: every gradient is half what it should be.</source>
        <translation>dL/da 算成了 (a − y)/n 而不是 2(a − y)/n：每个梯度都只有应有值的一半。</translation>
    </message>
    <message>
        <source>{mistake} is made in one layer: name it (1 to {layers})</source>
        <translation>“{mistake}”只发生在某一层：请指定层（1 到 {layers}）</translation>
    </message>
    <message>
        <source>{mistake} is made everywhere at once; it takes no layer</source>
        <translation>“{mistake}”同时作用于所有层；不需要指定层</translation>
    </message>
    <message>
        <source>the network has no layer {layer}; its layers are 1 to {layers}</source>
        <translation>网络没有第 {layer} 层；它的层是 1 到 {layers}</translation>
    </message>
    <message>
        <source>δ is propagated from layer {above} down to layer {layer}; the last layer, {layer}, has no layer above it: choose a layer from 1 to {below}</source>
        <translation>δ 从第 {above} 层向下传播到第 {layer} 层；最后一层（第 {layer} 层）上面没有层：请选择 1 到 {below} 中的一层</translation>
    </message>
    <message>
        <source>with a single layer there is no δ to propagate, so there is no transpose to forget</source>
        <translation>只有一层时没有需要传播的 δ，也就没有可以漏掉的转置</translation>
    </message>
    <message>
        <source>δ{above}·W{above}ᵀ needs layers {layer} and {above} equally wide, but they are {width} and {above_width} wide</source>
        <translation>δ{above}·W{above}ᵀ 要求第 {layer} 层和第 {above} 层宽度相同，但它们的宽度分别是 {width} 和 {above_width}</translation>
    </message>
    <message>
        <source>layer {layer} is linear: its f′ is 1, so forgetting it changes nothing; choose a layer with an activation</source>
        <translation>第 {layer} 层是线性的：它的 f′ 为 1，所以漏掉它不会有任何改变；请选择一个有激活函数的层</translation>
    </message>
    <message>
        <source>W{above} is 1 × 1, its own transpose: there is no transpose to forget</source>
        <translation>W{above} 是 1 × 1 的，它的转置就是它自己：没有可以漏掉的转置</translation>
    </message>
    <message>
        <source>only the squared error has a 2 to drop; this network&apos;s loss is {loss}</source>
        <translation>只有平方误差才有可以漏掉的 2；这个网络的损失是 {loss}</translation>
    </message>
    <message>
        <source>the network has no bias, so there is no bias gradient to get wrong</source>
        <translation>网络没有偏置，所以不存在会算错的偏置梯度</translation>
    </message>
    <message>
        <source>a network has {fewest} to {most} widths (1 to {layers} layers), not {count}</source>
        <translation>网络应有 {fewest} 到 {most} 个宽度（1 到 {layers} 层），而不是 {count} 个</translation>
    </message>
    <message>
        <source>each width must be a whole number from 1 to {most}, not {width}</source>
        <translation>每个宽度都必须是 1 到 {most} 之间的整数，而不是 {width}</translation>
    </message>
    <message>
        <source>give one activation per layer: {layers}, not {count}</source>
        <translation>每层给一个激活函数：共 {layers} 个，而不是 {count} 个</translation>
    </message>
    <message>
        <source>under {loss} the last layer is linear (the loss applies {link} itself): its activation must be identity, not {activation}</source>
        <translation>使用 {loss} 时最后一层是线性的（损失函数自己会施加 {link}）：它的激活函数必须是恒等，而不是 {activation}</translation>
    </message>
    <message>
        <source>cross-entropy needs at least 2 outputs, one per class</source>
        <translation>交叉熵至少需要 2 个输出，每个类别一个</translation>
    </message>
    <message>
        <source>{widths}, {activations}, {loss}</source>
        <translation>{widths}，{activations}，{loss}</translation>
    </message>
    <message>
        <source>{widths}, {activations}, bias, {loss}</source>
        <translation>{widths}，{activations}，有偏置，{loss}</translation>
    </message>
    <message>
        <source>the parameters must be {expected}, not {found}</source>
        <translation>参数必须是 {expected}，而不是 {found}</translation>
    </message>
    <message>
        <source>{name} must have shape {shape}, not {found}</source>
        <translation>{name} 的形状必须是 {shape}，而不是 {found}</translation>
    </message>
    <message>
        <source>{name} must hold finite numbers only</source>
        <translation>{name} 只能包含有限数</translation>
    </message>
    <message>
        <source>Central differences at {computed} of {total} entries, a sample: every entry would take {cost} multiply-adds.</source>
        <translation>中心差分只抽样计算了 {total} 个元素中的 {computed} 个：计算全部元素需要 {cost} 次乘加。</translation>
    </message>
</context>
</TS>
