"""Drives the installed Partita kernel through Jupyter's own client (jupyter_client), for the
kernel's integration tests. Finds the kernelspec through JUPYTER_PATH like any Jupyter app.

  python3 kernel_client.py starts N       start N kernels in a row: time to kernel_info reply,
                                          then one execute; JSON list on stdout
  python3 kernel_client.py session        steps (JSON list) on stdin; on stdout {"results": [...],
                                          "key": the connection key, to check it is never logged}

Session steps: {"execute": code, "interrupt_after": seconds?}, {"complete": code, "cursor": n},
{"inspect": code, "cursor": n}. A result has the reply status and the cell's outputs (stream,
display_data, update_display_data, execute_result, error), or the completion / inspection reply.
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager

KERNEL = "partita"
TIMEOUT = 120


def start():
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
    except Exception:
        stop(km, kc)
        raise
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def shell_reply(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def execute(km, kc, code, interrupt_after=None):
    msg_id = kc.execute(code)
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        sent = time.time()
        km.interrupt_kernel()
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind in ("stream", "display_data", "update_display_data", "execute_result", "error"):
            outputs.append(dict(msg["content"], output_type=kind))
    reply = shell_reply(kc, msg_id)["content"]
    result = {"status": reply["status"], "outputs": outputs}
    if interrupt_after is not None:
        result["seconds_to_stop"] = round(time.time() - sent, 3)
    return result


def starts(count):
    results = []
    for _ in range(count):
        began = time.time()
        try:
            km, kc = start()
        except Exception as e:
            results.append({"ok": False, "error": repr(e), "seconds": round(time.time() - began, 3)})
            continue
        ready = time.time() - began
        try:
            reply = execute(km, kc, "1 + 1")
            results.append({"ok": reply["status"] == "ok", "start_seconds": round(ready, 3),
                            "total_seconds": round(time.time() - began, 3)})
        except Exception as e:
            results.append({"ok": False, "error": repr(e), "start_seconds": round(ready, 3)})
        finally:
            stop(km, kc)
    return results


def session(steps):
    km, kc = start()
    key = km.session.key.decode()
    results = []
    try:
        for step in steps:
            if "execute" in step:
                results.append(execute(km, kc, step["execute"], step.get("interrupt_after")))
            elif "complete" in step:
                reply = shell_reply(kc, kc.complete(step["complete"], step["cursor"]))["content"]
                results.append(reply)
            elif "inspect" in step:
                reply = shell_reply(kc, kc.inspect(step["inspect"], step["cursor"]))["content"]
                results.append(reply)
            else:
                raise ValueError("unknown step %r" % step)
    finally:
        stop(km, kc)
    return {"results": results, "key": key}


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "starts":
        out = starts(int(sys.argv[2]))
    elif len(sys.argv) == 2 and sys.argv[1] == "session":
        out = session(json.load(sys.stdin))
    else:
        sys.exit(__doc__)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
