"""Regression: `push --endpoint 'http://user:pass@host/...'` was accepted, put the password on the command
line and echoed it in the error. Such an address is now refused at once (exit 2), its credentials left
out of the message, which says how to pass them instead."""

from __future__ import annotations

import pytest

from graph import store


@pytest.mark.parametrize("address", ["http://ana:s3cret-pw@127.0.0.1:9/store", "https://ana@example.org/store"])
def test_an_endpoint_with_credentials_is_refused_without_echoing_them(cli, address):
    run = cli("push", "--endpoint", address, "--source", "tests/data/store/mini.ttl")
    assert run.status == 2
    assert "s3cret" not in run.stderr + run.stdout and "ana" not in run.stderr
    assert "--user" in run.stderr and "STANCEGRAPH_PASSWORD" in run.stderr
    with pytest.raises(ValueError, match="user name or password"):
        store.push("tests/data/store/mini.ttl", endpoint=address)
