"""Windows has no rlimits: the reader child puts itself into a Job object whose limits the system
enforces. Past the memory limit an allocation fails, as under RLIMIT_AS; past the CPU limit the
system ends the child, as under RLIMIT_CPU; and when the child's last handle to the job closes, the
child goes with it. Each file read sets the limits again, for its own size."""

from __future__ import annotations

import ctypes
import sys
import time

_EXTENDED_LIMIT_INFORMATION = 9  # JOBOBJECTINFOCLASS JobObjectExtendedLimitInformation
_LIMIT_PROCESS_TIME = 0x0002
_LIMIT_PROCESS_MEMORY = 0x0100
_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x0400
_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
_TICKS_PER_SECOND = 10_000_000  # the job's times are in 100-nanosecond units
DWORD = ctypes.c_uint32


class BasicLimits(ctypes.Structure):  # JOBOBJECT_BASIC_LIMIT_INFORMATION
    _fields_ = [("per_process_user_time_limit", ctypes.c_int64), ("per_job_user_time_limit", ctypes.c_int64),
                ("limit_flags", DWORD), ("minimum_working_set_size", ctypes.c_size_t),
                ("maximum_working_set_size", ctypes.c_size_t), ("active_process_limit", DWORD),
                ("affinity", ctypes.c_size_t), ("priority_class", DWORD), ("scheduling_class", DWORD)]


class IoCounters(ctypes.Structure):  # IO_COUNTERS
    _fields_ = [(name, ctypes.c_uint64) for name in ("reads", "writes", "others", "read_bytes",
                                                      "written_bytes", "other_bytes")]


class ExtendedLimits(ctypes.Structure):  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
    _fields_ = [("basic", BasicLimits), ("io", IoCounters), ("process_memory_limit", ctypes.c_size_t),
                ("job_memory_limit", ctypes.c_size_t), ("peak_process_memory_used", ctypes.c_size_t),
                ("peak_job_memory_used", ctypes.c_size_t)]


_job: int | None = None  # this process's job, made on the first file


def limits(memory: int, seconds: float) -> ExtendedLimits:
    """The job's limits for reading one file: memory in bytes; CPU time used so far plus seconds."""
    info = ExtendedLimits()
    info.basic.limit_flags = (_LIMIT_PROCESS_MEMORY | _LIMIT_PROCESS_TIME | _LIMIT_KILL_ON_JOB_CLOSE
                              | _LIMIT_DIE_ON_UNHANDLED_EXCEPTION)
    info.basic.per_process_user_time_limit = int((time.process_time() + seconds + 2) * _TICKS_PER_SECOND)
    info.process_memory_limit = memory
    return info


def limit_this_process(memory: int, seconds: float) -> bool:
    """Put this process (once) into a job with these limits; False where that cannot be done."""
    global _job
    if sys.platform != "win32":
        return False
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = ctypes.c_void_p
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p
    if _job is None:
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return False
        if not kernel32.AssignProcessToJobObject(ctypes.c_void_p(job),
                                                 ctypes.c_void_p(kernel32.GetCurrentProcess())):
            kernel32.CloseHandle(ctypes.c_void_p(job))
            return False  # a job that allows no nested jobs (Windows 7): the wall limit alone
        _job = job
    info = limits(memory, seconds)
    return bool(kernel32.SetInformationJobObject(ctypes.c_void_p(_job), _EXTENDED_LIMIT_INFORMATION,
                                                 ctypes.byref(info), ctypes.sizeof(info)))
