using NewsLeakExtractor.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.Fetch;

public sealed class FetchExceptionTests
{
    [Theory]
    [InlineData(FailureReason.HttpStatus, 500, true)]
    [InlineData(FailureReason.HttpStatus, 503, true)]
    [InlineData(FailureReason.HttpStatus, 429, true)]
    [InlineData(FailureReason.HttpStatus, 403, false)]
    [InlineData(FailureReason.NotFound, 404, false)]
    [InlineData(FailureReason.Timeout, 0, true)]
    [InlineData(FailureReason.Network, 0, true)]
    [InlineData(FailureReason.Refused, 0, false)]
    [InlineData(FailureReason.RobotsDisallowed, 0, false)]
    [InlineData(FailureReason.TooLarge, 200, false)]
    public void Only_failures_that_can_pass_are_retried(FailureReason reason, int status, bool transient) =>
        Assert.Equal(transient, new FetchException(reason, "test") { StatusCode = status }.IsTransient);
}
