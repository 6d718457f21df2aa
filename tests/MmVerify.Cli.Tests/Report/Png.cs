using System.Buffers.Binary;
using System.IO.Compression;
using Xunit.Sdk;

namespace MmVerify.Cli.Tests.Report;

/// <summary>
/// Just enough of a PNG decoder to look at a screenshot: 8-bit RGB or RGBA, non-interlaced (what Chromium
/// writes), the five scanline filters undone. Pixels come back as 0xRRGGBB.
/// </summary>
internal sealed record Png(int Width, int Height, int[] Pixels)
{
    public static Png Read(string file)
    {
        var data = File.ReadAllBytes(file);
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (data.Length < 8 || !data.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new XunitException($"{file} is not a PNG");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            var body = data.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[12] != 0 || body[9] is not (2 or 6))
                {
                    throw new XunitException($"{file}: only 8-bit non-interlaced RGB/RGBA is read here");
                }

                channels = body[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var line = new byte[stride];
        var pixels = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, line, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new XunitException($"{file}: unknown PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var p = x * channels;
                pixels[(y * width) + x] = (line[p] << 16) | (line[p + 1] << 8) | line[p + 2];
            }

            (previous, line) = (line, previous);
        }

        return new Png(width, height, pixels);
    }

    /// <summary>Share of pixels that are not the page's white background.</summary>
    public double InkFraction => Pixels.Count(p => p != 0xFFFFFF) / (double)Pixels.Length;

    public bool Contains(int rgb) => Pixels.Contains(rgb);

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
