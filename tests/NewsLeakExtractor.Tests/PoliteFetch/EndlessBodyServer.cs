using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers robots.txt with 404 and every other path with a body of
/// <see cref="BodyBytes"/> bytes, counting what the kernel accepted. Raw sockets, because Kestrel silently drops
/// writes after the client hangs up, so it cannot tell how much the client really took.
/// </summary>
internal sealed class EndlessBodyServer : IDisposable
{
    public const long BodyBytes = 200L * 1024 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _sent;

    public EndlessBodyServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}");

    public long BodyBytesSent => Interlocked.Read(ref _sent);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        try
        {
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            if (request.ToString().StartsWith("GET /robots.txt ", StringComparison.Ordinal))
            {
                await socket.SendAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                return;
            }

            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
            var chunk = Encoding.ASCII.GetBytes("<p>" + new string('z', 65_000) + "</p>\n");
            while (Interlocked.Read(ref _sent) < BodyBytes)
            {
                var sent = await socket.SendAsync(chunk, _stop.Token);
                Interlocked.Add(ref _sent, sent);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (at its cap) or the test ended.
        }
    }
}
