"""Child processes that attrib can always stop: a pool of workers, and one call under a deadline.

attrib owns its worker processes instead of leaving them to a library, because a run must end
promptly whatever happens: an interrupt (Ctrl-C reaches the whole process group), a reader
that went away (``| head``) or a worker killed by the kernel. Children ignore Ctrl-C and die
quietly of SIGTERM, so they never print a traceback; the parent notices a dead child within a
fraction of a second and kills the others when it stops, for whatever reason.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
from collections.abc import Callable, Generator, Iterable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

_POLL_SECONDS = 0.2  # how often a waiting parent looks for dead workers
_END = object()


class WorkerError(Exception):
    """A child process died or failed; str(err) is one line saying how."""


def _quiet() -> None:
    """In a child: the parent handles Ctrl-C and stops its children; SIGTERM just ends them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _death(process: BaseProcess) -> WorkerError:
    code = process.exitcode or 0
    if code < 0:
        name = signal.Signals(-code).name
        hint = "; out of memory?" if -code == signal.SIGKILL else ""
        return WorkerError(f"a worker process was killed ({name}{hint})")
    return WorkerError(f"a worker process exited unexpectedly (status {code})")


class _Failure:
    """An exception in a child, sent back as text (exceptions need not pickle)."""

    def __init__(self, err: BaseException) -> None:
        self.message = f"a worker process failed: {type(err).__name__}: {err}"


def _serve(function: Callable[[C, T], R], context: C, tasks: Any, results: Any) -> None:
    _quiet()
    for index, item in iter(tasks.get, None):
        try:
            results.put((index, function(context, item)))
        except Exception as err:
            results.put((index, _Failure(err)))


def ordered_map(
    function: Callable[[C, T], R],
    context: C,
    items: Iterable[T],
    processes: int,
    ahead: int = 4,
) -> Generator[R, None, None]:
    """``function(context, item)`` for every item, computed in ``processes`` worker processes
    and yielded in input order; at most ``ahead`` items per process are in flight, so memory
    stays flat however many items there are.

    ``function`` must be a module-level function; ``context`` (e.g. a spaCy pipeline) is given
    to each worker once. Raises :class:`WorkerError` when a worker dies or fails. The workers
    are killed when the iterator stops for any reason: exhausted, closed, or interrupted.
    """
    ctx = multiprocessing.get_context()
    tasks, results = ctx.Queue(), ctx.Queue()
    workers = [
        ctx.Process(target=_serve, args=(function, context, tasks, results), daemon=True)
        for _ in range(processes)
    ]
    try:
        for worker in workers:
            worker.start()
        ready: dict[int, Any] = {}
        sent = done = 0
        pending = iter(items)
        exhausted = False
        while True:
            while not exhausted and sent - done < ahead * processes:
                item = next(pending, _END)
                if item is _END:
                    exhausted = True
                else:
                    tasks.put((sent, item))
                    sent += 1
            if done == sent:
                return
            while done not in ready:
                index, result = _receive(results, workers)
                ready[index] = result
            result = ready.pop(done)
            done += 1
            if isinstance(result, _Failure):
                raise WorkerError(result.message)
            yield result
    finally:
        for worker in workers:
            if worker.pid is not None:
                worker.kill()
        for worker in workers:
            if worker.pid is not None:
                worker.join()
        tasks.cancel_join_thread()  # what the killed workers never took is dropped
        tasks.close()
        results.close()


def _receive(results: Any, workers: Sequence[BaseProcess]) -> tuple[int, Any]:
    while True:
        try:
            return results.get(timeout=_POLL_SECONDS)  # type: ignore[no-any-return]
        except queue.Empty:
            for worker in workers:
                if worker.exitcode is not None:
                    raise _death(worker) from None


def call_with_deadline(
    function: Callable[..., R], args: tuple[Any, ...], seconds: float
) -> R | None:
    """``function(*args)`` in a child process, or None when it has not returned within
    ``seconds`` (the child is then killed). An exception in the child is raised again here
    when it pickles, else as :class:`WorkerError`.
    """
    ctx = multiprocessing.get_context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_call_into, args=(sender, function, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            return None
        ok, value = receiver.recv()
    except EOFError:
        raise _death(_ended(child)) from None
    finally:
        child.kill()
        child.join()
        receiver.close()
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _ended(process: BaseProcess) -> BaseProcess:
    process.join()
    return process


def _call_into(sender: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    _quiet()
    try:
        outcome: tuple[bool, Any] = (True, function(*args))
    except Exception as err:
        outcome = (False, err)
    try:
        sender.send(outcome)
    except Exception as err:  # the value or the exception does not pickle
        sender.send((False, WorkerError(f"a worker process failed: {type(err).__name__}")))
