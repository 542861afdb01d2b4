"""The output file a test hands to a child process while it reads the same file itself."""


def appending(log):
    """A second handle on `log` in append mode, for the child's stdout/stderr.

    With one shared handle the child writes at the shared position, and the test's seek(0) before
    each read moves it: a line the child writes right then lands over the start of the file (a
    'listening on' line was lost that way under load). In append mode every write of the child
    goes to the end, wherever the test's reads leave its own position."""
    return open(f"/proc/self/fd/{log.fileno()}", "a")
