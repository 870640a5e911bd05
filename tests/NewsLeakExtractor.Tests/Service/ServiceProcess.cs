using System.Diagnostics;
using System.Text;
using NewsLeakExtractor.Tests.Support;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// The built service as a separate OS process (<c>dotnet NewsLeakExtractor.dll serve</c>), configured through
/// environment variables the way a deployment would be; its peak resident memory is read from /proc.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private long _peakBytes;

    private ServiceProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The highest resident set size seen so far (VmHWM), in bytes; 0 where /proc is unavailable.</summary>
    public long PeakMemoryBytes
    {
        get
        {
            Sample();
            return _peakBytes;
        }
    }

    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestPaths.CliAssembly);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Reads VmHWM now; call it while the process runs (the value is gone once it exits).</summary>
    public void Sample()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    _peakBytes = Math.Max(_peakBytes, kb * 1024);
                }
            }
        }
        catch (IOException)
        {
            // The process has exited; keep the last sample.
        }
    }

    /// <summary>Ends the process abruptly, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Sample();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
