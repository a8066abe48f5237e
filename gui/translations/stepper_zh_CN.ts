<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186"/>
        <source>Steps to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>Steps to run: a whole number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189"/>
        <source>Play speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>%1 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>full speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193"/>
        <source>seed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>Seed: a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Both trajectories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Chain rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Optimizer state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197"/>
        <source>Computation graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>Loss landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="451"/>
        <source>Press Step for the forward pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>Forward: z = W·x, a = f(z), and L = mean((a − y)²) = %1. Next, Step runs the backward pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="454"/>
        <source>Backward: the chain rule gives dL/dW = δ xᵀ; torch autograd and central differences give the same. Next, Step updates W.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="456"/>
        <source>Update: the hand-written %1 and torch.optim.%1 each moved W, now at step %2. Next, Step runs the forward pass at the new W.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="80"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="80"/>
        <source>One update of both engines (in phases: the next phase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="81"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="81"/>
        <source>Run the number of steps beside this button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="82"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="82"/>
        <source>Step continuously at the chosen speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="83"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="83"/>
        <source>Stop a run or play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="84"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="84"/>
        <source>Back to step 0 at the start weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="85"/>
        <source>Randomize W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="85"/>
        <source>W as torch.nn.Linear has it after torch.manual_seed(seed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="86"/>
        <source>Step in phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="86"/>
        <source>Each Step does one phase: forward, backward, update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="87"/>
        <source>Add an optimizer that forgets its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="88"/>
        <source>A third trajectory: the same optimizer, its state reset every step, as the blog post&apos;s Adam does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="90"/>
        <source>Logarithmic loss axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="91"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="91"/>
        <source>Larger text everywhere, plots and tables included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="92"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="92"/>
        <source>Smaller text everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="93"/>
        <source>Normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="94"/>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="95"/>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="96"/>
        <source>Full screen, large high-contrast text, only what a lecture needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="97"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="98"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="99"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="106"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="107"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="117"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="125"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="127"/>
        <source>Undo keeps the last %1 actions (a Run or a Play is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="131"/>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="137"/>
        <source>&amp;Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="141"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="151"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../autosave.py" line="51"/>
        <source>Autosave stopped: cannot write %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../autosave.py" line="67"/>
        <source>Restore session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../autosave.py" line="68"/>
        <source>backprop stepper did not close normally last time. Restore the session it was working on, with its optimizer state?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../autosave.py" line="77"/>
        <source>Cannot restore session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../autosave.py" line="80"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../banner.py" line="42"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../banner.py" line="43"/>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainRuleView</name>
    <message>
        <location filename="../chain_rule_view.py" line="46"/>
        <source>All of dL/dW at once: the outer product δ xᵀ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../chain_rule_view.py" line="47"/>
        <source>δ = ∂L/∂a ⊙ ∂a/∂z, one per output;
row i of dL/dW is δᵢ times xᵀ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../chain_rule_view.py" line="62"/>
        <source>&lt;b&gt;Chain rule for %1&lt;/b&gt; — click a cell of W or of a gradient to choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../chain_rule_view.py" line="80"/>
        <source>the same as the gradient grid&apos;s %1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../export_actions.py" line="39"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="40"/>
        <source>Loss history (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="40"/>
        <source>Loss plot (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="40"/>
        <source>Current state (Markdown)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="41"/>
        <source>Current state (LaTeX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="41"/>
        <source>Python script (numpy + torch)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="54"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="65"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="66"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <location filename="../gradient_panel.py" line="51"/>
        <source>dL/dW: three witnesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="52"/>
        <source>by hand: outer(δ, x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="52"/>
        <source>by torch autograd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="53"/>
        <source>by central differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="55"/>
        <source>Gradient by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="56"/>
        <source>Gradient by autograd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="57"/>
        <source>Gradient by finite differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="71"/>
        <source>hand vs autograd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="74"/>
        <source>hand vs autograd: &lt;i&gt;torch is loading…&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="75"/>
        <source>hand vs differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="78"/>
        <source>agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="78"/>
        <source>disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gradient_panel.py" line="81"/>
        <source>%1: max |Δ| %2, relative %3 (tolerance %4 × max|g| + %5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../graph_view.py" line="35"/>
        <source>Computation graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="36"/>
        <source>forward values on the nodes, gradients ∂L/∂· on the arrows (red), flowing back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../graph_view.py" line="50"/>
        <source>max |·| %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapePlot</name>
    <message>
        <location filename="../landscape_plot.py" line="76"/>
        <source>Loss landscape over two weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../landscape_plot.py" line="77"/>
        <source>Loss over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../landscape_plot.py" line="78"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../landscape_plot.py" line="79"/>
        <source>The other weights stay at their current values. Blue: by hand; red dashes: torch; square: where the path starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../loss_plot.py" line="78"/>
        <source>Loss per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="79"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="79"/>
        <source>loss L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="81"/>
        <source>forgets its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="82"/>
        <source>by hand (numpy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="88"/>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="89"/>
        <source>follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../loss_plot.py" line="90"/>
        <source>Keep all steps in view; zooming or panning by hand turns this off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>Loading torch… the hand-written side is ready to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>→ and ← move between cells while a table has the keyboard; click beside the tables (or press PageDown / PageUp, as a presentation clicker does) to step and undo from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372"/>
        <source>About backprop stepper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>&lt;b&gt;backprop stepper&lt;/b&gt;&lt;br&gt;dL/dW by the chain rule in numpy, by torch autograd and by central differences, side by side; each step by a hand-written optimizer and by torch.optim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="499"/>
        <source>torch is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="521"/>
        <source>Stepping stopped: %1. The last finite state is one Undo away.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../network_panel.py" line="76"/>
        <source>Network  a = f(W · x),  L = mean((a − y)²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="77"/>
        <source>W (edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="77"/>
        <source>x (edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="78"/>
        <source>target y (edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="78"/>
        <source>forward pass by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="80"/>
        <source>Weight matrix W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="81"/>
        <source>Input vector x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="82"/>
        <source>Target vector y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="83"/>
        <source>Forward values by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="89"/>
        <source>saturated: f′(z) &lt; 0.001, this unit barely learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="100"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="114"/>
        <source>by torch (|Δ| %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="116"/>
        <source>torch is loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../network_panel.py" line="117"/>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptimizerStateView</name>
    <message>
        <location filename="../optimizer_state_view.py" line="53"/>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="54"/>
        <source>torch.optim .state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="78"/>
        <source>%1 keeps no state yet: torch creates it on the first step (plain SGD never does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="80"/>
        <source>%1 after t = %2 steps by hand, t = %3 in torch&apos;s optimizer.state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="82"/>
        <source>%1: its state by hand and in torch&apos;s optimizer.state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="88"/>
        <source>next step at %1, in torch&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../optimizer_state_view.py" line="104"/>
        <source>next update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../runner.py" line="76"/>
        <source>Run 1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../runner.py" line="77"/>
        <source>Run %1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../runner.py" line="78"/>
        <source>Play: 1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../runner.py" line="78"/>
        <source>Play: %1 steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../controller.py" line="61"/>
        <source>The torch engine is still loading; stepping starts when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <location filename="../session_files.py" line="36"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="37"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="38"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="39"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="57"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="66"/>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="73"/>
        <source>Cannot open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="76"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="87"/>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="97"/>
        <source>Cannot save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="98"/>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="115"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="116"/>
        <source>The session has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session_files.py" line="144"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../settings_panel.py" line="70"/>
        <source>Optimizer and network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="71"/>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="71"/>
        <source>Activation f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="71"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="71"/>
        <source>Outputs × inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="76"/>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="77"/>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_panel.py" line="123"/>
        <source>%1: %2 (torch default %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../shortcuts_sheet.py" line="22"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../shortcuts_sheet.py" line="26"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../shortcuts_sheet.py" line="26"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrajectoryPanel</name>
    <message>
        <location filename="../trajectory_panel.py" line="43"/>
        <source>W by torch.optim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="43"/>
        <source>forward pass by torch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="44"/>
        <source>W by hand − W by torch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="46"/>
        <source>Weights of the torch trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="47"/>
        <source>Forward values by torch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="48"/>
        <source>Difference of the two trajectories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../trajectory_panel.py" line="65"/>
        <source>After %4 steps, max |W hand − W torch| = &lt;b&gt;%2&lt;/b&gt; (%3). The editable W above is the hand-written %1&apos;s trajectory; torch.optim.%1 keeps its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../core/activations.py" line="53"/>
        <source>1 if {z} &gt; 0 else 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/activations.py" line="59"/>
        <source>z if z &gt; 0 else 0.01·z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/activations.py" line="59"/>
        <source>1 if {z} &gt; 0 else 0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/activations.py" line="63"/>
        <source>Identity (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/explain.py" line="86"/>
        <source>m / (1 − β₁ᵗ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/explain.py" line="88"/>
        <source>v / (1 − β₂ᵗ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="43"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="44"/>
        <source>step size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="49"/>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="50"/>
        <source>L2 penalty added to the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="56"/>
        <source>added to the denominator for numerical stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="62"/>
        <source>decay of the running average of the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="65"/>
        <location filename="../../core/hyperparams.py" line="109"/>
        <source>decay of the running average of the squared gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="68"/>
        <source>AMSGrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="69"/>
        <source>divide by the largest second moment seen so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="70"/>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="71"/>
        <source>momentum factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="97"/>
        <source>dampening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="98"/>
        <source>dampening for momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="101"/>
        <source>Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="102"/>
        <source>Nesterov momentum (needs momentum &gt; 0, dampening 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="114"/>
        <source>centered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="115"/>
        <source>normalise by an estimate of the gradient&apos;s variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="119"/>
        <source>lr decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hyperparams.py" line="120"/>
        <source>learning-rate decay per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/lessons.py" line="19"/>
        <source>Why: each update overshot the minimum by more than it corrected, so the weights grew without bound. A smaller learning rate takes shorter steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/lessons.py" line="70"/>
        <source>y{i} = {y} is outside {f}&apos;s range {range}: a{i} can never reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/lessons.py" line="75"/>
        <source>So the loss can never reach 0: L ≥ {floor} however long you train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/lessons.py" line="80"/>
        <source>a{i} is dead: z{i} ≤ 0, so relu′ = 0 and row {row} of W gets no gradient at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/lessons.py" line="84"/>
        <source>a{i} is saturated: {f}′(z{i}) = {d}, so row {row} of W gets almost no gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="27"/>
        <source>The blog post&apos;s example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="27"/>
        <source>x = [−0.5, 0.1, 1.1], y = [0.1, 0.2, 9.9], sigmoid, Adam. y₃ = 9.9 is out of sigmoid&apos;s reach, so the loss stalls far above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="30"/>
        <source>Adam that forgets its state (the post&apos;s mistake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="31"/>
        <source>A third trajectory: Adam that starts afresh on every call, as the post&apos;s diy_adam does. It agrees with torch on step 1 only; then every step is a first step of size ≈ lr, and it jitters around the minimum where the real Adam settles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="36"/>
        <source>A reachable target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="36"/>
        <source>Every target inside sigmoid&apos;s range (0, 1): Adam drives the loss towards 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="39"/>
        <source>A saturated start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="39"/>
        <source>Large weights push sigmoid into its flat tails: σ′ ≈ 0, the gradient nearly vanishes, and plain SGD barely moves for many steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="44"/>
        <source>A learning rate that diverges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="44"/>
        <source>No activation and plain SGD with lr = 0.5: twice the largest stable step for this x. Each step overshoots further until the numbers overflow; stepping stops, one Undo from the last finite state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="48"/>
        <source>Momentum against plain SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/scenarios.py" line="48"/>
        <source>SGD with momentum 0.9 beside a third trajectory that forgets its momentum every step, which is plain SGD with the same learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
