using System.Runtime.InteropServices;

namespace Likeness.Server;

/// <summary>
/// Lowers the operating-system priority of the calling thread, for work that must go on but must not take a core
/// from requests in flight (the ledger sequencer's hashing). On Linux the thread's nice value is raised to
/// <see cref="Nice"/>: the scheduler then gives a waking request thread the core at once and the background
/// thread about a tenth of a contended core, all of an idle one. Elsewhere the thread priority is lowered.
/// </summary>
internal static partial class BackgroundPriority
{
    /// <summary>The nice value of a background thread (0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    private const int PrioProcess = 0;

    /// <summary>Lowers the calling thread's priority; returns whether the operating system accepted it.</summary>
    public static bool LowerCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // On Linux a thread is a task with its own nice value: PRIO_PROCESS with the thread's id sets only it.
            return SetPriority(PrioProcess, GetTid(), Nice) == 0;
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
