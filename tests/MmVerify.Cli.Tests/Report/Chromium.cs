using System.Diagnostics;
using Xunit.Sdk;

namespace MmVerify.Cli.Tests.Report;

/// <summary>
/// Headless Chromium (Debian's chromium, installed by ci/setup.sh) driven from its command line: --dump-dom
/// prints the DOM after load, --screenshot writes a PNG, and --enable-logging=stderr prints every console
/// message as an "INFO:CONSOLE" line. Absent Chromium fails the test loudly; it is never a skip.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string Executable()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("MMVERIFY_CHROMIUM") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "chromium"));
            candidates.Add(Path.Combine(dir, "chromium-browser"));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new XunitException("chromium not found (not on PATH, MMVERIFY_CHROMIUM unset): run ci/setup.sh, which installs Debian's chromium");
    }

    /// <summary>The DOM after load and the console lines the page produced.</summary>
    public static (string Dom, IReadOnlyList<string> Console) DumpDom(string htmlFile)
    {
        var (stdout, stderr) = Run(["--dump-dom", Url(htmlFile)]);
        return (stdout, ConsoleLines(stderr));
    }

    /// <summary>Writes a screenshot of the page at the given window size; returns the console lines.</summary>
    public static IReadOnlyList<string> Screenshot(string htmlFile, string pngFile, int width, int height)
    {
        File.Delete(pngFile);
        var (_, stderr) = Run([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", Url(htmlFile)]);
        if (!File.Exists(pngFile))
        {
            throw new XunitException($"chromium wrote no screenshot {pngFile}: {Tail(stderr)}");
        }

        return ConsoleLines(stderr);
    }

    private static string Url(string file) => new Uri(Path.GetFullPath(file)).AbsoluteUri;

    private static IReadOnlyList<string> ConsoleLines(string stderr) =>
        stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToArray();

    private static (string Stdout, string Stderr) Run(IEnumerable<string> args)
    {
        // A fresh profile per run: parallel tests must not share Chromium's profile lock.
        var profile = Directory.CreateTempSubdirectory("mmverify-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}" }.Concat(args))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start) ?? throw new XunitException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new XunitException($"chromium did not finish within {Timeout.TotalSeconds} s");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new XunitException($"chromium exited {process.ExitCode}: {Tail(stderr.Result)}");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
