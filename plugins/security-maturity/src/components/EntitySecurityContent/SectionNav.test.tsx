import { screen } from '@testing-library/react';
import { emptyRecord, mockApi } from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';
import { exceptionRecord, worksheet } from '../../__testUtils__/sections';

// Links from "My security tasks" (and elsewhere) open the tab at one record.
describe('a link to one record of the Security tab', () => {
  const scrollIntoView = jest.fn();
  beforeEach(() => {
    // jsdom does not lay out, so it has no scrolling of its own.
    Element.prototype.scrollIntoView = scrollIntoView;
    scrollIntoView.mockClear();
  });
  afterEach(() => {
    window.location.hash = '';
  });

  const open = async (hash: string) => {
    window.location.hash = hash;
    await renderTab(
      mockApi(async () => ({
        ...emptyRecord,
        exceptions: [exceptionRecord],
        worksheets: [worksheet],
      })),
    );
    await screen.findByText('Token leak in logs');
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    return scrollIntoView.mock.contexts[0] as HTMLElement;
  };

  it('scrolls to the exception it names', async () => {
    const target = await open('#security-exception-e1');
    expect(target).toBe(document.getElementById('security-exception-e1'));
    expect(target).toHaveTextContent('Containers run as non-root');
  });

  it('scrolls to the worksheet it names', async () => {
    expect(await open('#security-worksheet-w1')).toHaveTextContent(
      'Token leak in logs',
    );
  });

  it('scrolls to the stage it names', async () => {
    expect(await open('#security-stage-threat-modeling')).toHaveTextContent(
      'Threat modeling & requirements',
    );
  });

  it('opens the section when the tab does not show the record', async () => {
    expect(await open('#security-exception-an-old-one')).toBe(
      document.getElementById('security-exceptions'),
    );
  });
});
