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

        /// <summary>
        /// A new code with the product's prefix: 29 symbols of 5 random bits each (145 bits), so that a code drawn twice
        /// is not to be expected in any store's life (about one chance in 10^30 among ten million codes). R32's
        /// "unique in the store" is kept by the store's unique index on activation codes, which would refuse such a code,
        /// and the change that made it, rather than store it twice; so no lookup is spent on each new code.
        /// </summary>
        public static string New(string prefix)
        {
            if (prefix == null || prefix.Length != 2) throw new ArgumentException("An activation-code prefix has two letters.", nameof(prefix));
            using (var random = RandomNumberGenerator.Create())
                return Generate(prefix, random);
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
