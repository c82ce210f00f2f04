package org.airattack.stats.report.piterfm;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.problem.TooLargeException;

/**
 * Passes the text to the parser while every cell, every row and the whole file stay within the
 * limits, so that a cell of 60 MB is refused after its first few kilobytes instead of being
 * collected whole. Follows the CSV quoting to tell separators inside a cell from those between
 * cells, and names the row and column where a limit is crossed.
 */
final class BoundedCsvText extends FilterReader {

    /** The row being read: the header is row 1, as the parser counts. */
    int row = 1;
    private int cell;
    private int cellLength;
    private int rowLength;
    private long total;
    private boolean quoted;
    private boolean afterCr;
    private final List<String> header = new ArrayList<>();
    private final StringBuilder name = new StringBuilder();

    BoundedCsvText(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(char c) {
        if (++total > PiterfmCsvReader.MAX_CHARS) {
            throw new TooLargeException("row " + row + ": a file may hold at most " + PiterfmCsvReader.MAX_CHARS
                    + " characters; import it in parts with onMissing=keep");
        }
        boolean cr = false;
        if (c == '"') {
            quoted = !quoted;
            grow(c);
        } else if (quoted) {
            grow(c);
        } else if (c == ',') {
            endCell();
        } else if (c == '\r' || c == '\n') {
            cr = c == '\r';
            if (!(c == '\n' && afterCr)) {
                endRow();
            }
        } else {
            grow(c);
        }
        afterCr = cr;
    }

    private void grow(char c) {
        if (++cellLength > PiterfmCsvReader.MAX_CELL) {
            String column = column();
            throw new InvalidException("row " + row + "." + column, "row " + row + ", column " + column
                    + ": a cell may hold at most " + PiterfmCsvReader.MAX_CELL + " characters");
        }
        if (++rowLength > PiterfmCsvReader.MAX_ROW) {
            throw new InvalidException("row " + row, "row " + row + " is longer than " + PiterfmCsvReader.MAX_ROW + " characters");
        }
        if (row == 1 && c != '"') {
            name.append(c);
        }
    }

    private void endCell() {
        if (row == 1) {
            header.add(name.toString().strip().toLowerCase(Locale.ROOT));
            name.setLength(0);
        }
        cell++;
        cellLength = 0;
        rowLength++;
    }

    private void endRow() {
        endCell();
        row++;
        cell = 0;
        rowLength = 0;
    }

    /** The current cell's column: its header name once the header is read. */
    private String column() {
        return row > 1 && cell < header.size() && !header.get(cell).isEmpty() ? header.get(cell) : "#" + (cell + 1);
    }
}
