using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Collections.Api.Hosting;

/// <summary>
/// The debtor portal reads a ProblemDetails title out to the debtor, so for a debtor session the title is given in the
/// language the portal asks for (Accept-Language; the portal sends its active language on every call). API keys and
/// anonymous callers always get English, as does a language the portal does not speak. Only the title is translated:
/// detail and field errors stay as the code wrote them.
/// </summary>
internal static class ProblemTitles
{
    /// <summary>
    /// Every title a debtor session can be answered with, English first: the exception handler's, authentication's, the
    /// rate limiter's, the portal's own endpoints', and ASP.NET Core's defaults for a status without a title (status
    /// code pages, validation results).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Catalog = Build(
        // ProblemExceptionHandler
        ("The request is invalid.", "Die Anfrage ist ungültig.", "La demande n'est pas valide.", "La solicitud no es válida.", "Het verzoek is ongeldig.", "La richiesta non è valida."),
        ("The request body is too large.", "Die gesendeten Daten sind zu umfangreich.", "Les données envoyées sont trop volumineuses.", "Los datos enviados son demasiado grandes.", "De verzonden gegevens zijn te groot.", "I dati inviati superano le dimensioni consentite."),
        ("The request could not be read.", "Die Anfrage konnte nicht gelesen werden.", "La demande n'a pas pu être lue.", "No se ha podido leer la solicitud.", "Het verzoek kon niet worden gelezen.", "Non è stato possibile leggere la richiesta."),
        ("Not found.", "Nicht gefunden.", "Introuvable.", "No se ha encontrado.", "Niet gevonden.", "Non trovato."),
        ("The request conflicts with the current state.", "Die Anfrage passt nicht zum aktuellen Stand.", "La demande ne correspond plus à la situation actuelle.", "La solicitud no es compatible con la situación actual.", "Het verzoek past niet bij de huidige stand van zaken.", "La richiesta non è compatibile con la situazione attuale."),
        ("The request breaks a business rule.", "Die Anfrage ist nach unseren Regeln nicht möglich.", "La demande n'est pas conforme à nos règles.", "La solicitud no cumple nuestras condiciones.", "Het verzoek voldoet niet aan onze voorwaarden.", "La richiesta non rispetta le nostre condizioni."),
        ("Forbidden.", "Keine Berechtigung.", "Accès refusé.", "Acceso denegado.", "Geen toegang.", "Accesso negato."),
        ("Not available.", "Nicht verfügbar.", "Indisponible.", "No disponible.", "Niet beschikbaar.", "Non disponibile."),
        ("The request collided with another one.", "Die Anfrage hat sich mit einer anderen überschnitten.", "La demande est entrée en conflit avec une autre.", "La solicitud ha coincidido con otra.", "Het verzoek kruiste een ander verzoek.", "La richiesta si è sovrapposta a un'altra."),
        ("The database is busy.", "Das System ist gerade ausgelastet.", "Le système est momentanément surchargé.", "El sistema está saturado en este momento.", "Het systeem is op dit moment overbelast.", "Il sistema è momentaneamente sovraccarico."),
        ("An unexpected error occurred.", "Ein unerwarteter Fehler ist aufgetreten.", "Une erreur inattendue s'est produite.", "Se ha producido un error inesperado.", "Er is een onverwachte fout opgetreden.", "Si è verificato un errore imprevisto."),

        // Authentication, the rate limiter and the portal's own endpoints
        ("Authentication required.", "Anmeldung erforderlich.", "Authentification requise.", "Es necesario identificarse.", "Aanmelding vereist.", "Autenticazione richiesta."),
        ("Too many requests.", "Zu viele Anfragen.", "Trop de demandes.", "Demasiadas solicitudes.", "Te veel verzoeken.", "Troppe richieste."),
        ("The portal link cannot be used.", "Der Link zum Portal kann nicht verwendet werden.", "Le lien vers le portail ne peut pas être utilisé.", "El enlace al portal no se puede utilizar.", "De link naar het portaal kan niet worden gebruikt.", "Il link al portale non può essere utilizzato."),

        // ASP.NET Core's defaults
        ("One or more validation errors occurred.", "Ihre Angaben enthalten einen oder mehrere Fehler.", "Votre saisie comporte une ou plusieurs erreurs.", "Los datos introducidos contienen uno o varios errores.", "Uw invoer bevat een of meer fouten.", "I dati inseriti contengono uno o più errori."),
        ("Bad Request", "Ungültige Anfrage", "Demande incorrecte", "Solicitud incorrecta", "Ongeldig verzoek", "Richiesta non valida"),
        ("Unauthorized", "Nicht angemeldet", "Non authentifié", "No identificado", "Niet aangemeld", "Non autenticato"),
        ("Forbidden", "Keine Berechtigung", "Accès refusé", "Acceso denegado", "Geen toegang", "Accesso negato"),
        ("Not Found", "Nicht gefunden", "Introuvable", "No encontrado", "Niet gevonden", "Non trovato"),
        ("Method Not Allowed", "Methode nicht zulässig", "Méthode non autorisée", "Método no permitido", "Methode niet toegestaan", "Metodo non consentito"),
        ("Not Acceptable", "Format nicht verfügbar", "Format non disponible", "Formato no disponible", "Formaat niet beschikbaar", "Formato non disponibile"),
        ("Request Timeout", "Zeitüberschreitung der Anfrage", "Délai de la demande dépassé", "Tiempo de espera agotado", "Time-out van het verzoek", "Tempo di attesa scaduto"),
        ("Conflict", "Konflikt", "Conflit", "Conflicto", "Conflict", "Conflitto"),
        ("Content Too Large", "Daten zu umfangreich", "Données trop volumineuses", "Datos demasiado grandes", "Gegevens te groot", "Dati troppo grandi"),
        ("Unsupported Media Type", "Format nicht unterstützt", "Format non pris en charge", "Formato no admitido", "Formaat niet ondersteund", "Formato non supportato"),
        ("Unprocessable Entity", "Anfrage nicht verarbeitbar", "Demande impossible à traiter", "Solicitud imposible de procesar", "Verzoek niet verwerkbaar", "Richiesta non elaborabile"),
        ("An error occurred while processing your request.", "Bei der Verarbeitung Ihrer Anfrage ist ein Fehler aufgetreten.", "Une erreur s'est produite lors du traitement de votre demande.", "Se ha producido un error al procesar su solicitud.", "Er is een fout opgetreden bij het verwerken van uw verzoek.", "Si è verificato un errore durante l'elaborazione della sua richiesta."),
        ("Bad Gateway", "Fehlerhafte Antwort eines Dienstes", "Réponse incorrecte d'un service", "Respuesta incorrecta de un servicio", "Ongeldig antwoord van een dienst", "Risposta non valida da un servizio"),
        ("Service Unavailable", "Dienst nicht verfügbar", "Service indisponible", "Servicio no disponible", "Dienst niet beschikbaar", "Servizio non disponibile"),
        ("Gateway Timeout", "Zeitüberschreitung eines Dienstes", "Délai de réponse d'un service dépassé", "Tiempo de espera de un servicio agotado", "Time-out van een dienst", "Tempo di risposta di un servizio scaduto"));

    /// <summary>Translates the title for a debtor session that asked for a language the portal speaks; leaves it alone otherwise.</summary>
    public static void Localize(HttpContext http, ProblemDetails problem)
    {
        if (problem.Title is not { } title
            || http.RequestServices.GetService<CallerContext>()?.Current is not { IsDebtor: true }
            || LanguageOf(http.Request) is not { } language)
        {
            return;
        }

        problem.Title = Translate(title, language);
    }

    /// <summary>The title in the language, or as it is when the catalog does not have it (English, or a title it lacks).</summary>
    public static string Translate(string title, string language) =>
        Catalog.TryGetValue(title, out var translations) && translations.TryGetValue(language, out var translated) ? translated : title;

    /// <summary>The base of the most preferred Accept-Language entry the portal speaks; null when there is none.</summary>
    public static string? LanguageOf(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var entries))
        {
            return null;
        }

        return entries
            .Where(e => (e.Quality ?? 1) > 0)
            .OrderByDescending(e => e.Quality ?? 1)
            .Select(e => DebtorLanguages.BaseOf(e.Value.Value))
            .FirstOrDefault(language => language is not null);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Build(
        params (string En, string De, string Fr, string Es, string Nl, string It)[] titles) =>
        titles.ToDictionary(
            t => t.En,
            t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["en"] = t.En,
                ["de"] = t.De,
                ["fr"] = t.Fr,
                ["es"] = t.Es,
                ["nl"] = t.Nl,
                ["it"] = t.It,
            },
            StringComparer.Ordinal);
}
