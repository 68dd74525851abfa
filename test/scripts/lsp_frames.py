"""LSP base-protocol framing for the Python clients of `mac lsp` (the
benchmark test/perf/bench_lsp.py and test/lsp/Inputs/verify_edits.py): one
message written with its Content-Length header, messages read one by one."""
import json


def write_message(stream, message):
    """Writes `message` (JSON-RPC 2.0 added) with its header and flushes."""
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def read_messages(stream):
    """Yields each message's JSON until the stream ends."""
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        yield json.loads(stream.read(length))
