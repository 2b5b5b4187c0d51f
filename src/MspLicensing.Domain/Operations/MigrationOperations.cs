using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Non-MSP licenses in Remote Manager and their migration into LMP (R39, R60-R64).</summary>
    public static class MigrationOperations
    {
        public const string TargetType = "LicenseMigration";
        private static readonly Regex AuthorizationKeyPattern = new Regex(@"^[A-Z0-9]{4,6}(-[A-Z0-9]{4,6}){3,7}$", RegexOptions.CultureInvariant);

        /// <summary>R60: registers a non-MSP license; a CLP account needs an Authorization Key and a product Remote Manager supports for it (R2).</summary>
        public static License Register(IStoreSession session, ProductRegistration r, DateTime nowUtc, DateTime today)
        {
            var account = session.GetAccount();
            var customer = CustomerOperations.Resolve(session, r.Customer);
            var product = Catalog.Get("Product", r.Product);
            if (product.Kind == ProductKind.Suite)
                throw MspException.InvalidValue("Product", r.Product, "register the suite's products one by one; a non-MSP license is for one product");
            if (!product.RemoteManagerAccountTypes.Contains(account.AccountType))
                throw MspException.ForRule(Rules.R60, "ProductNotRegistrable", ErrorKind.InvalidArgument,
                    $"{product.Code} ({product.Name}) cannot be registered to Remote Manager in a {account.AccountType} account; it supports "
                    + string.Join(", ", Catalog.Products.Where(p => p.RemoteManagerAccountTypes.Contains(account.AccountType)).Select(p => p.Code)) + ".", r.Product);
            string key = r.AuthorizationKey?.Trim().ToUpperInvariant();
            if (key != null && !AuthorizationKeyPattern.IsMatch(key))
                throw MspException.InvalidValue("AuthorizationKey", r.AuthorizationKey, "an Authorization Key looks like 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN (groups of 4 to 6 letters and digits)");
            if (account.AccountType == AccountType.CustomerLicensingPortal && key == null)
                throw MspException.ForRule(Rules.R60, "AuthorizationKeyRequired", ErrorKind.InvalidArgument,
                    "A Customer Licensing Portal account registers products by Authorization Key: give -AuthorizationKey.", r.Product);
            if (key == null && r.ActivationCode == null)
                throw MspException.ForRule(Rules.R60, "RegistrationKeyRequired", ErrorKind.InvalidArgument,
                    "A non-MSP license is registered by Authorization Key or activation code: give -AuthorizationKey or -ActivationCode.", r.Product);
            int seats = SubscriptionOperations.ValidateSeats("Seats", r.Seats, false);
            var start = Dates.Day("StartDate", r.StartDate);
            // Remote Manager's licenses run a year unless the registration says otherwise.
            var expiration = r.ExpirationDate.HasValue ? Dates.Day("ExpirationDate", r.ExpirationDate.Value) : start.AddYears(1);
            if (expiration <= start)
                throw MspException.InvalidValue("ExpirationDate", Dates.Format(expiration), $"the expiration date comes after the start date, {Dates.Format(start)}");
            string code = r.ActivationCode == null
                ? ActivationCodes.New(product.ActivationCodePrefix)
                : ActivationCodes.Normalize("ActivationCode", r.ActivationCode);
            if (session.FindLicenseByActivationCode(code) != null)
                throw new MspException("ActivationCodeInUse", ErrorKind.ResourceExists, $"The activation code '{code}' is registered already.", code);

            // R39: one product, one licensing model per customer.
            var subscriptions = session.SubscriptionsOfCustomer(customer.CustomerId).ToDictionary(s => s.SubscriptionId);
            var msp = session.LicensesOfCustomer(customer.CustomerId).FirstOrDefault(l => l.LicenseModel == LicenseModel.Msp
                && string.Equals(l.Product, product.Code, StringComparison.OrdinalIgnoreCase)
                && SubscriptionOperations.Holds(l, SubscriptionOperations.SubscriptionOf(l, subscriptions), start, account.GracePeriodDays));
            if (msp != null)
                throw MspException.ForRule(Rules.R39, "MspLicenseHeld", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' holds an MSP license of {product.Code} ({msp.ActivationCode}); a non-MSP license of the same product cannot be added.", customer);

            var license = new License
            {
                LicenseId = RecordId.New(nowUtc),
                CustomerId = customer.CustomerId,
                Product = product.Code,
                ActivationCode = code,
                AuthorizationKey = key,
                DataCenter = product.Kind == ProductKind.Service ? account.DefaultDataCenter : (DataCenter?)null,
                StartDate = start,
                ExpirationDate = expiration,
                SeatHistory = new TextList<SeatChange> { new SeatChange { Date = start, Seats = seats } },
                LicenseModel = LicenseModel.NonMsp,
                LicenseType = r.LicenseType.ToString(),
            };
            license.Placements.Add(new LicensePlacement { From = start, SubscriptionId = Guid.Empty, LicenseType = license.LicenseType });
            license.RecordedStatus = Lifecycle.StatusOf(license, null, start, account.GracePeriodDays);
            session.Licenses.Insert(license);
            session.Audit("Register", "License", license.LicenseId.ToString(), customer.Name + " / " + product.Code + " " + code,
                $"{r.LicenseType} license of {product.Code}, {seats} seats, {Dates.Format(start)} to {Dates.Format(expiration)}" + (key == null ? string.Empty : ", Authorization Key " + key), customer.CustomerId);
            license.Customer = customer.Name;
            license.Status = Lifecycle.StatusOf(license, null, today, account.GracePeriodDays);
            return license;
        }

        /// <summary>
        /// Start-MspLicenseMigration: in one transaction, registers the license first when a registration is given and
        /// its activation code is not registered yet (R60), then starts its migration (R61-R63): both or neither.
        /// </summary>
        public static LicenseMigration RegisterAndStart(IStoreSession session, ProductRegistration registration, MigrationRequest request, DateTime nowUtc, DateTime today)
        {
            if (registration != null && session.FindLicenseByActivationCode(ActivationCodes.Normalize("ActivationCode", registration.ActivationCode)) == null)
                Register(session, registration, nowUtc, today);
            return Start(session, request, nowUtc);
        }

        /// <summary>
        /// R61-R63: starts the migration of a non-MSP license into a service plan. Software migrates at once with a new
        /// activation code; a service waits for the vendor (AwaitingVendor); an upfront license is refused and stays.
        /// </summary>
        public static LicenseMigration Start(IStoreSession session, MigrationRequest r, DateTime nowUtc)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "License migrations");
            var license = LicenseOperations.Resolve(session, r.LicenseId, r.ActivationCode);
            var customer = session.Customers.Get(license.CustomerId);
            if (license.LicenseModel != LicenseModel.NonMsp || license.EndState.HasValue)
                throw MspException.ForRule(Rules.R60, "NotANonMspLicense", ErrorKind.InvalidOperation,
                    $"License {license.ActivationCode} ({license.Product}) of '{customer?.Name}' is not a non-MSP license in Remote Manager; only those migrate into LMP.", license);
            // R63: refused before anything changes, so a retried script adds nothing; the license stays in Remote Manager.
            if (string.Equals(license.LicenseType, NonMspLicenseType.Upfront.ToString(), StringComparison.OrdinalIgnoreCase))
                throw MspException.ForRule(Rules.R63, "UpfrontLicenseNotMigrated", ErrorKind.InvalidOperation,
                    $"License {license.ActivationCode} ({license.Product}) of '{customer?.Name}' is an upfront license and cannot be migrated into LMP; it stays in Remote Manager, where you keep managing it until it expires.", license);
            // R51: an NFR license would be billed in LMP; it stays in Remote Manager, refused before anything changes.
            if (LicenseOperations.IsNfr(license))
                throw MspException.ForRule(Rules.R51, "NfrLicenseNotMigrated", ErrorKind.InvalidOperation,
                    $"License {license.ActivationCode} ({license.Product}) of '{customer?.Name}' is an NFR (not-for-resale) license and cannot be migrated into LMP, where licenses are billed; it stays in Remote Manager until it expires.", license);
            if (session.Migrations.All().Any(m => m.LicenseId == license.LicenseId && m.Status == MigrationStatus.AwaitingVendor))
                throw new MspException("MigrationPending", ErrorKind.InvalidOperation,
                    $"License {license.ActivationCode} of '{customer?.Name}' is being migrated already (AwaitingVendor); complete it with Complete-MspLicenseMigration.", license);
            var plan = ServicePlanOperations.Resolve(session, r.ServicePlan);
            if (plan.Version != PlanVersion.Full || !SubscriptionOperations.LicensedCodes(plan).Contains(license.Product))
                throw MspException.InvalidValue("ServicePlan", plan.Name, $"a license migrates into a Full plan that includes its product, {license.Product}");
            var date = Dates.Day("Date", r.Date);
            int seats = r.Seats.HasValue ? SubscriptionOperations.ValidateSeats("Seats", r.Seats.Value, false) : license.SeatsOn(date);
            var migration = new LicenseMigration
            {
                MigrationId = RecordId.New(nowUtc),
                CustomerId = license.CustomerId,
                LicenseId = license.LicenseId,
                Product = license.Product,
                SourceActivationCode = license.ActivationCode,
                ServicePlanId = plan.ServicePlanId,
                ServicePlan = plan.Name,
                Seats = seats,
                Date = date,
                CreatedUtc = nowUtc,
                Customer = customer?.Name,
            };
            var product = Catalog.Find(license.Product);
            if (product.Kind == ProductKind.Software)
            {
                // R61: a new key at once; the old license ends.
                var subscription = Subscribe(session, customer, plan, seats, date, nowUtc, license, move: false);
                var fresh = session.LicensesOfSubscription(subscription.SubscriptionId).First(l => string.Equals(l.Product, license.Product, StringComparison.OrdinalIgnoreCase));
                license.EndState = LicenseStatus.Deactivated;
                license.EndDate = date;
                session.Licenses.Update(license);
                migration.Status = MigrationStatus.Completed;
                migration.SubscriptionId = subscription.SubscriptionId;
                migration.NewActivationCode = fresh.ActivationCode;
                migration.CompletedUtc = nowUtc;
                migration.Instructions = $"Enter the new activation code {fresh.ActivationCode} in the {product.Name} console (Administration > License) to replace {license.ActivationCode}. The agents are not affected; nothing else changes on the customer's side.";
            }
            else
            {
                // R62: Trend Micro moves cloud licenses by hand; LMP takes the license over when that is done.
                migration.Status = MigrationStatus.AwaitingVendor;
                migration.Instructions = $"Ask Trend Micro to migrate {product.Name} license {license.ActivationCode} of '{customer?.Name}' into your LMP account; when they confirm, run Complete-MspLicenseMigration -MigrationId {migration.MigrationId}. The license keeps its activation code.";
            }
            session.Migrations.Insert(migration);
            session.Audit("Migrate", TargetType, migration.MigrationId.ToString(), customer?.Name + " / " + license.Product + " " + license.ActivationCode,
                $"{migration.Status}: to '{plan.Name}'" + (migration.NewActivationCode == null ? string.Empty : ", new activation code " + migration.NewActivationCode), license.CustomerId);
            return migration;
        }

        /// <summary>R62: the vendor has moved a cloud license: it joins a subscription of the plan, keeping its activation code.</summary>
        public static LicenseMigration Complete(IStoreSession session, Guid migrationId, DateTime date, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "License migrations");
            var migration = session.Migrations.All().FirstOrDefault(m => m.MigrationId == migrationId)
                            ?? throw new MspException("MigrationNotFound", ErrorKind.ObjectNotFound, $"No license migration has the id '{migrationId}'. Get-MspLicenseMigration lists them.", migrationId);
            var customer = session.Customers.Get(migration.CustomerId);
            migration.Customer = customer?.Name;
            if (migration.Status != MigrationStatus.AwaitingVendor)
                throw MspException.ForRule(Rules.R62, "MigrationNotAwaitingVendor", ErrorKind.InvalidOperation,
                    $"The migration of {migration.Product} {migration.SourceActivationCode} is {migration.Status}; only a migration AwaitingVendor is completed.", migration);
            var day = Dates.Day("Date", date);
            var license = session.Licenses.Get(migration.LicenseId);
            var plan = ServicePlanOperations.Resolve(session, ServicePlanRef.ById(migration.ServicePlanId));
            var subscription = Subscribe(session, customer, plan, migration.Seats, day > migration.Date ? day : migration.Date, nowUtc, license, move: true);
            migration.Status = MigrationStatus.Completed;
            migration.SubscriptionId = subscription.SubscriptionId;
            migration.NewActivationCode = license.ActivationCode;
            migration.CompletedUtc = nowUtc;
            migration.Instructions = $"Trend Micro has migrated {migration.Product} license {license.ActivationCode}; it is now part of '{plan.Name}' in LMP with the same activation code.";
            session.Migrations.Update(migration);
            session.Audit("Migrate", TargetType, migration.MigrationId.ToString(), customer?.Name + " / " + migration.Product + " " + migration.SourceActivationCode,
                $"Completed: joined '{plan.Name}'", migration.CustomerId);
            return migration;
        }

        /// <summary>R2: a Customer Licensing Portal account deletes a registered product; an LMP account never deletes products.</summary>
        public static License Unregister(IStoreSession session, Guid licenseId)
        {
            AccountRules.RequireClp(session.GetAccount(), "Deleting products", "In an LMP account cancel the subscription instead (Stop-MspSubscription).");
            var license = session.Licenses.Get(licenseId) ?? throw MspException.LicenseNotFound(licenseId, null);
            var customer = session.Customers.Get(license.CustomerId);
            session.Licenses.Delete(license);
            session.Audit("Delete", "License", license.LicenseId.ToString(), customer?.Name + " / " + license.Product + " " + license.ActivationCode,
                $"{license.LicenseType} license of {license.Product}, {license.Seats} seats, expiring {Dates.Format(license.ExpirationDate)}", license.CustomerId);
            return license;
        }

        public static IReadOnlyList<LicenseMigration> Find(IStoreSession session, MigrationQuery q)
        {
            Customer customer = q.Customer == null ? null : CustomerOperations.Resolve(session, q.Customer);
            var product = q.Product == null ? null : Catalog.Get("Product", q.Product);
            var names = session.CustomerNames();
            return session.Migrations.All()
                .Where(m => (customer == null || m.CustomerId == customer.CustomerId)
                            && (!q.Status.HasValue || m.Status == q.Status.Value)
                            && (product == null || string.Equals(m.Product, product.Code, StringComparison.OrdinalIgnoreCase))
                            && (q.MigrationId == null || q.MigrationId.Count == 0 || q.MigrationId.Contains(m.MigrationId)))
                .Select(m =>
                {
                    m.Customer = names.TryGetValue(m.CustomerId, out var n) ? n : null;
                    return m;
                })
                .OrderBy(m => m.CreatedUtc)
                .ToList();
        }

        private static Subscription Subscribe(IStoreSession session, Customer customer, ServicePlan plan, int seats, DateTime start, DateTime nowUtc, License migrating, bool move) =>
            SubscriptionOperations.Assign(session, new Assignment
            {
                Customer = CustomerRef.ById(customer.CustomerId),
                ServicePlan = ServicePlanRef.ById(plan.ServicePlanId),
                Seats = seats,
                StartDate = start,
            }, nowUtc, migrating, move);
    }
}
