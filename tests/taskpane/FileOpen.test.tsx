/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { FileOpen } from "../../taskpane/components/FileOpen";

function setup(disabled = false) {
  const opened: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <FileOpen disabled={disabled} onFile={(f) => opened.push(f.name)} />
    </FluentProvider>,
  );
  return opened;
}

const file = (name: string) => new File(["x"], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

test("a file dropped on the zone is opened", () => {
  const opened = setup();
  fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file("自评表.xlsx")] } });
  expect(opened).toEqual(["自评表.xlsx"]);
});

test("the picker button opens the hidden input, and a chosen file is opened", () => {
  const opened = setup();
  const input = screen.getByLabelText("选择 Excel 文件") as HTMLInputElement;
  let clicked = 0;
  input.addEventListener("click", () => (clicked += 1));
  fireEvent.click(screen.getByRole("button", { name: "打开 Excel 文件" }));
  expect(clicked).toBe(1);
  fireEvent.change(input, { target: { files: [file("核查表.xlsx")] } });
  expect(opened).toEqual(["核查表.xlsx"]);
  expect(input.accept).toContain(".xlsx");
});

test("while busy, drops are ignored and the button is disabled", () => {
  const opened = setup(true);
  fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file("a.xlsx")] } });
  expect(opened).toEqual([]);
  expect((screen.getByRole("button", { name: "打开 Excel 文件" }) as HTMLButtonElement).disabled).toBe(true);
});
