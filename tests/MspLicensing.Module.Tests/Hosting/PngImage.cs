using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace MspLicensing.Module.Tests.Hosting
{
    /// <summary>
    /// A small PNG reader for the render test: 8-bit RGB or RGBA, not interlaced (what headless Chromium writes). It
    /// reads the pixels so a test can see whether a screenshot shows something, and what colours.
    /// </summary>
    public sealed class PngImage
    {
        private readonly byte[] _pixels;
        private readonly int _channels;

        private PngImage(int width, int height, int channels, byte[] pixels)
        {
            Width = width;
            Height = height;
            _channels = channels;
            _pixels = pixels;
        }

        public int Width { get; }
        public int Height { get; }

        public (byte R, byte G, byte B) Pixel(int x, int y)
        {
            int i = (y * Width + x) * _channels;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
        }

        public static PngImage Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var signature = new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };
            for (int i = 0; i < signature.Length; i++)
                if (bytes[i] != signature[i]) throw new InvalidDataException(path + " is not a PNG file");
            int width = 0, height = 0, channels = 0;
            var data = new MemoryStream();
            int at = 8;
            while (at < bytes.Length)
            {
                int length = BigEndian(bytes, at);
                string type = Encoding.ASCII.GetString(bytes, at + 4, 4);
                int body = at + 8;
                if (type == "IHDR")
                {
                    width = BigEndian(bytes, body);
                    height = BigEndian(bytes, body + 4);
                    byte depth = bytes[body + 8], colour = bytes[body + 9], interlace = bytes[body + 12];
                    if (depth != 8 || (colour != 2 && colour != 6) || interlace != 0)
                        throw new NotSupportedException($"PNG depth {depth}, colour type {colour}, interlace {interlace}: only 8-bit RGB or RGBA without interlacing");
                    channels = colour == 6 ? 4 : 3;
                }
                else if (type == "IDAT") data.Write(bytes, body, length);
                else if (type == "IEND") break;
                at = body + length + 4;
            }
            data.Position = 0;
            var raw = new MemoryStream();
            using (var z = new ZLibStream(data, CompressionMode.Decompress)) z.CopyTo(raw);
            return new PngImage(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
        }

        private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
        {
            int stride = width * channels;
            var pixels = new byte[stride * height];
            for (int y = 0; y < height; y++)
            {
                byte filter = raw[y * (stride + 1)];
                int src = y * (stride + 1) + 1, row = y * stride;
                for (int x = 0; x < stride; x++)
                {
                    int a = x >= channels ? pixels[row + x - channels] : 0;
                    int b = y > 0 ? pixels[row - stride + x] : 0;
                    int c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
                    int value = raw[src + x];
                    switch (filter)
                    {
                        case 1: value += a; break;
                        case 2: value += b; break;
                        case 3: value += (a + b) / 2; break;
                        case 4: value += Paeth(a, b, c); break;
                    }
                    pixels[row + x] = (byte)value;
                }
            }
            return pixels;
        }

        private static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }

        private static int BigEndian(byte[] bytes, int at) =>
            (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    }
}
