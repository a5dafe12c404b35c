using Likeness.Watermark;
using Xunit;

namespace Likeness.Tests.Watermark;

/// <summary>The payload's code: a token survives scattered errors and erasures, and noise never decodes as a token.</summary>
public sealed class PayloadCodeTests
{
    private const int Seed = 1919;

    [Fact]
    public void A_token_survives_one_coded_bit_in_twenty_flipped_and_one_in_ten_erased()
    {
        var random = new Random(Seed);
        for (var trial = 0; trial < 200; trial++)
        {
            var token = new WatermarkToken((ulong)random.NextInt64());
            var coded = PayloadCode.Encode(token);
            var soft = new float[coded.Length];
            for (var i = 0; i < coded.Length; i++)
            {
                var r = random.NextDouble();
                soft[i] = r < 0.1 ? 0f : (coded[i] ? -1f : 1f) * (r < 0.15 ? -0.5f : 0.8f);
            }

            Assert.True(PayloadCode.Decode(soft) == token, $"trial {trial}, seed {Seed}: {token} did not come back");
        }
    }

    [Fact]
    public void Random_soft_values_never_decode_as_a_token()
    {
        var random = new Random(Seed);
        var soft = new float[PayloadCode.CodedBits];
        for (var trial = 0; trial < 20_000; trial++)
        {
            for (var i = 0; i < soft.Length; i++)
            {
                soft[i] = (float)((random.NextDouble() * 2) - 1);
            }

            Assert.True(PayloadCode.Decode(soft) is null, $"trial {trial}, seed {Seed}: noise decoded as a token (CRC-32 passes 1 in 2^32)");
        }
    }

    [Fact]
    public void Tokens_read_and_write_as_sixteen_hex_digits()
    {
        var token = new WatermarkToken(0x0123456789ABCDEF);
        Assert.Equal("0123456789abcdef", token.ToHex());
        Assert.True(WatermarkToken.TryParse("0123456789ABCDEF", out var back) && back == token);
        Assert.False(WatermarkToken.TryParse("0123456789abcde", out _));
        Assert.False(WatermarkToken.TryParse("0123456789abcdeg", out _));
    }
}
