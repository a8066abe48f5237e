"""Every view of the plane and of the step metrics shows any network the core allows (1 to 6 layers, widths 1 to
16, bias or not, mse, bce or ce, 1 to 10,000 samples) without an error, drawing what fits it or saying why not."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import datasets
from core.data import Batching, Data
from core.network import MAX_LAYERS, MAX_WIDTH
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState
from gui.accuracy_plot import AccuracyPlot
from gui.decision_plot import CROWD, SAMPLE_SIZE, DecisionPlot
from gui.grad_norm_plot import GradNormPlot
from gui.neuron_pictures import NeuronPictures
from gui.phases import EVERYTHING
from tests.network_strategies import specs
from tests.sessions import session


@pytest.fixture(scope="module")
def views():
    """One of each view, kept across examples as the window keeps them across networks."""
    made = [DecisionPlot(), NeuronPictures(), AccuracyPlot(), GradNormPlot()]
    for view in made:
        view.resize(480, 400)
        view.show()
    yield made
    for view in made:
        view.close()


@st.composite
def sessions(draw) -> Session:
    spec = draw(specs(max_layers=MAX_LAYERS, max_width=MAX_WIDTH))
    spec = spec.replace(widths=(draw(st.sampled_from([1, 2, 2, 3, 16])), *spec.widths[1:]))
    m = draw(st.integers(1, 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    X = rng.standard_normal((m, spec.n_in))
    if spec.loss == "ce":
        Y = rng.integers(0, spec.n_out, (m, 1)).astype(np.float64)
    else:
        Y = rng.uniform(0, 1, (m, spec.n_out)) if spec.loss == "bce" else rng.standard_normal((m, spec.n_out))
    batching = Batching(draw(st.sampled_from([None, 1, 7])), shuffle=draw(st.booleans()))
    state = SessionState.drawn(Problem(spec, Data(X, Y), "float32", batching), OptimizerSpec.create("adam"))
    return Session(state)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions(), st.integers(0, 3))
def test_any_network_is_drawn_or_said_to_have_no_plane(qtbot, views, s, steps):
    s.step(steps)
    net = s.problem.network
    for view in views:
        view.show_state(s, s.evaluate(), EVERYTHING)
        view.grab()  # painted without an error
    decision, pictures, accuracy, norms = views
    assert decision.plot_widget.isVisible() == (net.n_in <= 2)
    assert pictures.scroll.isVisible() == (net.n_in <= 2 and net.layers > 1)
    if pictures.scroll.isVisible():  # a picture for every hidden unit
        assert len(pictures.pictures.places()) == sum(net.widths[1:-1])
    assert accuracy.plot_widget.isVisible() == (net.loss != "mse")
    assert len(norms.curves) == net.layers


def test_ten_thousand_samples_are_drawn(qtbot, views):
    s = session([2, 4, 1], "tanh", "bce", datasets.generate("circle", 10_000), Batching(100, shuffle=True))
    s.step(2)
    decision = views[0]
    decision.show_state(s, s.evaluate(), EVERYTHING)
    assert len(decision.samples.getData()[0]) == 10_000 and len(decision.batch.getData()[0]) == 100
    # smaller dots, so that the plane shows between them: their area shared out, but at least 3 pixels
    assert decision.samples.opts["size"] == pytest.approx(max(3.0, SAMPLE_SIZE * np.sqrt(CROWD / 10_000)))
    assert decision.samples.opts["size"] < SAMPLE_SIZE
