using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// The retry and timeout pipeline around every HTTP attempt: exponential backoff with jitter on timeouts, network
/// errors, 5xx and 429 (waiting what Retry-After asks, within <see cref="ServiceFetchOptions.MaxRetryAfter"/>),
/// never on other 4xx and never on a refused private address.
/// </summary>
internal static class FetchResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ServiceFetchOptions options, TimeProvider time, ILogger logger)
    {
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false, // read below, so that an unreasonable Retry-After ends the retries instead
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time) is { } wait
                    ? (TimeSpan?)(wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter)
                    : null),
                OnRetry = args =>
                {
                    logger.LogInformation("Retrying {Url} (attempt {Attempt}) in {Delay} after {Outcome}",
                        args.Outcome.Result?.RequestMessage?.RequestUri, args.AttemptNumber + 2, args.RetryDelay,
                        args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}");
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Inside the retry: each attempt gets the full timeout.
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ServiceFetchOptions options, TimeProvider time)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is TimeoutRejectedException
                || (exception is HttpRequestException && TransportErrors.RefusalIn(exception) is null);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests
            && (RetryAfter(response, time) is not { } wait || wait <= options.MaxRetryAfter);
    }

    /// <summary>The wait a 429 or 503 asks for; null means "use the backoff".</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value ? (value > TimeSpan.Zero ? value : TimeSpan.Zero) : null;
    }
}
