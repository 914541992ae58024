package partita.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.magic.MagicHandler;
import org.rapaio.jupyter.kernel.core.magic.MagicSnippet;
import org.rapaio.jupyter.kernel.core.magic.SnippetMagicHandler;
import org.rapaio.jupyter.kernel.display.DisplayData;
import partita.magics.render.Rendered;

/**
 * Presents a {@link PartitaMagic} to rapaio's MagicEngine, so rapaio's parsing, {@code \{expr}}
 * interpolation, {@code %help}, shift-tab and Tab completion reach it. Three forms:
 * {@code %name ?} (help), {@code %name key=value ...} and, if declared, {@code %%name} with a body.
 */
final class RapaioMagicHandler extends MagicHandler {

    /** Magic names rapaio also has; registered first, ours handle only their key=value form. */
    private static final Set<String> RAPAIO_NAMES = Set.of("load");

    private final PartitaMagic magic;
    private final MagicSpec spec;
    private final List<SnippetMagicHandler> forms;

    RapaioMagicHandler(PartitaMagic magic) {
        this.magic = magic;
        this.spec = magic.spec();
        String line = "%" + spec.name();
        List<SnippetMagicHandler> list = new ArrayList<>();
        list.add(SnippetMagicHandler.lineMagic()
                .syntaxMatcher(line + " \\?")
                .syntaxHelp(List.of(line + " ?"))
                .syntaxPrefix(line + " ?")
                .documentation(List.of("Shows the help of " + line + "."))
                .canHandlePredicate(this::isHelp)
                .evalFunction((kernel, snippet) -> KernelDisplay.displayData(Help.of(spec)))
                .inspectFunction((kernel, snippet) -> KernelDisplay.displayData(Help.of(spec)))
                .completeFunction((kernel, snippet) -> null)
                .build());
        list.add(SnippetMagicHandler.lineMagic()
                .syntaxMatcher(line + "( .*)?")
                .syntaxHelp(List.of(spec.lineSyntax()))
                .syntaxPrefix(line + " ")
                .documentation(Help.continued(Help.keyLines(spec)))
                .canHandlePredicate(s -> s.isLineMagic() && startsWithName(s, line) && !yieldsToRapaio(s))
                .evalFunction((kernel, snippet) -> eval(kernel, snippet, false))
                .inspectFunction((kernel, snippet) -> KernelDisplay.displayData(Help.of(spec)))
                .completeFunction((kernel, snippet) -> Completion.complete(spec, new Notebook(kernel), snippet))
                .build());
        if (spec.hasCellForm()) {
            list.add(SnippetMagicHandler.cellMagic()
                    .syntaxMatcher("%" + line + "( .*)?")
                    .syntaxHelp(spec.cellSyntax())
                    .syntaxPrefix("%" + line + " ")
                    .documentation(List.of(spec.body().help()))
                    .canHandlePredicate(s -> s.isCellMagic() && startsWithName(s, "%" + line))
                    .evalFunction((kernel, snippet) -> eval(kernel, snippet, true))
                    .inspectFunction((kernel, snippet) -> KernelDisplay.displayData(Help.of(spec)))
                    .completeFunction((kernel, snippet) -> Completion.complete(spec, new Notebook(kernel), snippet))
                    .build());
        }
        this.forms = List.copyOf(list);
    }

    @Override
    public String name() {
        return "%" + spec.name() + " (Partita)";
    }

    @Override
    public List<String> helpMessage() {
        return List.of(spec.summary());
    }

    @Override
    public List<SnippetMagicHandler> snippetMagicHandlers() {
        return forms;
    }

    @Override
    public boolean canHandleSnippet(MagicSnippet snippet) {
        return forms.stream().anyMatch(f -> f.canHandlePredicate().test(snippet));
    }

    private boolean isHelp(MagicSnippet s) {
        String code = s.line(0).code().strip();
        return s.isLineMagic() && startsWithName(s, "%" + spec.name()) && code.substring(spec.name().length() + 1).strip().equals("?");
    }

    /**
     * rapaio's own {@code %load file.jsh} (run a script or notebook) shares its name with ours
     * ({@code %load path=model.json}): words without {@code key=} are rapaio's.
     */
    private boolean yieldsToRapaio(MagicSnippet s) {
        String words = s.line(0).code().strip().substring(spec.name().length() + 1).strip();
        return RAPAIO_NAMES.contains(spec.name()) && !words.isEmpty() && !words.contains("=");
    }

    /** Whether the snippet's first line is {@code name} alone or followed by whitespace. */
    private static boolean startsWithName(MagicSnippet s, String name) {
        String code = s.line(0).code().strip();
        return code.equals(name) || (code.startsWith(name) && Character.isWhitespace(code.charAt(name.length())));
    }

    private DisplayData eval(RapaioKernel kernel, MagicSnippet snippet, boolean cell) {
        String header = snippet.line(0).code().strip();
        String words = header.substring(spec.name().length() + (cell ? 2 : 1));
        List<String> body = cell ? snippet.lines().subList(1, snippet.lines().size()).stream()
                .map(MagicSnippet.CodeLine::code).toList() : List.of();
        MagicCall call = new MagicCall(Args.parse(spec, words), body, new Notebook(kernel), new KernelDisplay(kernel),
                Cancellation.current());
        try {
            Rendered output = magic.run(call);
            return output == null ? null : KernelDisplay.displayData(output);
        } catch (Throwable t) {
            if (ErrorReport.isUserError(t)) {
                throw (RuntimeException) t;
            }
            throw new MagicFailure(spec.name(), t);
        }
    }
}
