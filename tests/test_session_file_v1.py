"""Version-1 files (one layer a = f(W·x), one sample, no bias, mean squared error), written by the one-layer tool
before networks had layers, open as that network and continue bit for bit where the one-layer tool went on."""

from pathlib import Path

import numpy as np
import pytest

from core.session import Session
from core.session_file import dumps, load, loads
from tests.helpers import assert_states_identical

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name, steps", [("seed", 50), ("momentum", 40)])
def test_a_version_1_file_continues_exactly_as_the_one_layer_tool_did(name, steps):
    """v1-NAME-N.json and v1-NAME-2N.json were saved by the one-layer tool after N and 2N steps of one run."""
    session = Session(load(DATA / f"v1-{name}-{steps}.json"))
    assert session.state.step == steps
    assert session.problem.network.widths == (3, 3) and not session.problem.network.bias
    session.step(steps)
    assert_states_identical(session.state, load(DATA / f"v1-{name}-{2 * steps}.json"), metrics=False)
    # the file knows no gradient norms of its steps; those taken since it was opened are recorded (mse: no accuracy)
    norms = session.state.metrics.norms
    assert np.isnan(norms[:steps]).all() and (np.isfinite(norms[steps:]) & (norms[steps:] > 0)).all()
    assert np.isnan(session.state.metrics.accuracy).all()


def test_a_version_1_file_saves_as_version_2_and_reads_back_identical():
    state = load(DATA / "v1-momentum-80.json")
    assert '"version": 2' in dumps(state)
    assert_states_identical(loads(dumps(state)), state)
