using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MspLicensing
{
    /// <summary>R32: activation codes XX-XXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX from a cryptographic random source.</summary>
    public static class ActivationCodes
    {
        /// <summary>Upper-case letters and digits without the look-alikes 0/O and 1/I: 32 symbols, so a random byte maps without bias.</summary>
        private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        private static readonly int[] GroupLengths = { 4, 5, 5, 5, 5, 5 };
        public const int Length = 37;

        public static readonly Regex Pattern = new Regex(@"^[A-Z]{2}-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$", RegexOptions.CultureInvariant);

        /// <summary>A new code with the product's prefix that <paramref name="taken"/> does not know yet.</summary>
        public static string New(string prefix, Func<string, bool> taken)
        {
            if (prefix == null || prefix.Length != 2) throw new ArgumentException("An activation-code prefix has two letters.", nameof(prefix));
            using (var random = RandomNumberGenerator.Create())
            {
                for (int attempt = 0; attempt < 100; attempt++)
                {
                    string code = Generate(prefix, random);
                    if (!taken(code)) return code;
                }
            }
            throw new MspException("ActivationCodeExhausted", ErrorKind.ResourceUnavailable,
                "No free activation code was found after 100 tries; the store may be damaged.");
        }

        private static string Generate(string prefix, RandomNumberGenerator random)
        {
            var bytes = new byte[29];
            random.GetBytes(bytes);
            var sb = new StringBuilder(Length).Append(prefix.ToUpperInvariant());
            int i = 0;
            foreach (int group in GroupLengths)
            {
                sb.Append('-');
                for (int k = 0; k < group; k++) sb.Append(Alphabet[bytes[i++] & 31]);
            }
            return sb.ToString();
        }

        /// <summary>Normalizes a code a user typed (case, spaces) and checks its shape.</summary>
        public static string Normalize(string field, string code)
        {
            string c = (code ?? string.Empty).Trim().ToUpperInvariant();
            if (!Pattern.IsMatch(c))
                throw MspException.InvalidValue(field, code, "an activation code looks like WF-PNTM-555ZB-U48M7-KURSC-NVJNR-4LVMD (37 characters)");
            return c;
        }
    }
}
